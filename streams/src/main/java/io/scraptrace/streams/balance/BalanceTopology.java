package io.scraptrace.streams.balance;

import io.scraptrace.avro.ExportDeclaration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Site mass balance (item 3): graded intake, summed per site on the lot partitions by the combiner,
 * and first-seen export declarations re-keyed by siteId are summed into a {@link SiteBalance} per
 * site in {@link #STORE}.
 */
public final class BalanceTopology {
    /** Queryable KeyValueStore&lt;siteId, SiteBalance&gt;. */
    public static final String STORE = "views-balance-store";

    private BalanceTopology() {
    }

    /** Adds the balance of {@code intake} (deduplicated readings' sums, keyed by siteId) against {@code declarations} (first copies only). */
    public static void build(KStream<String, SiteBalance> intake, KStream<String, ExportDeclaration> declarations) {
        Serde<SiteBalance> serde = SiteBalanceCodec.serde();
        KStream<String, SiteBalance> exported = declarations.map(
                (id, declaration) -> KeyValue.pair(declaration.getSiteId(), SiteBalance.export(declaration)), Named.as("views-balance-exports"));
        intake.merge(exported, Named.as("views-balance-merge"))
                .groupByKey(Grouped.with("views-balance-by-site", Serdes.String(), serde))
                .reduce(SiteBalance::plus, Named.as("views-balance"),
                        Materialized.<String, SiteBalance, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(serde));
    }
}
