package io.scraptrace.streams.balance;

import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.streams.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Site mass balance (item 3): graded intake and first-seen export declarations are re-keyed by
 * siteId, merged and summed into a {@link SiteBalance} per site in {@link #STORE}.
 */
public final class BalanceTopology {
    /** Queryable KeyValueStore&lt;siteId, SiteBalance&gt;. */
    public static final String STORE = "views-balance-store";

    private BalanceTopology() {
    }

    /** Adds the balance of {@code graded} (deduplicated) against {@code declarations} (first copies only). */
    public static void build(KStream<String, GradedReading> graded, KStream<String, ExportDeclaration> declarations) {
        KStream<String, BalanceEntry> intake = graded.map(
                (lotId, reading) -> KeyValue.pair(reading.getSiteId(), BalanceEntry.intake(reading)), Named.as("views-balance-intake"));
        KStream<String, BalanceEntry> exported = declarations.map(
                (id, declaration) -> KeyValue.pair(declaration.getSiteId(), BalanceEntry.export(declaration)), Named.as("views-balance-exports"));
        intake.merge(exported, Named.as("views-balance-merge"))
                .groupByKey(Grouped.with("views-balance-by-site", Serdes.String(), new JsonSerde<>(BalanceEntry.class)))
                .aggregate(SiteBalance::empty, (siteId, entry, balance) -> balance.add(entry), Named.as("views-balance"),
                        Materialized.<String, SiteBalance, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(SiteBalance.class)));
    }
}
