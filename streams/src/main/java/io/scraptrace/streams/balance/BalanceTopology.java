package io.scraptrace.streams.balance;

import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.streams.combine.Combiner;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Site mass balance (item 3): graded intake is summed per site on the lot's partition by a
 * {@link Combiner}, first-seen export declarations are re-keyed by siteId, and both are summed into
 * a {@link SiteBalance} per site in {@link #STORE}.
 */
public final class BalanceTopology {
    /** Queryable KeyValueStore&lt;siteId, SiteBalance&gt;. */
    public static final String STORE = "views-balance-store";
    /** Per-partition intake not yet sent on. */
    public static final String PARTIALS_STORE = "views-balance-partials-store";

    private BalanceTopology() {
    }

    /** Adds the balance of {@code graded} (deduplicated) against {@code declarations} (first copies only). */
    public static void build(StreamsBuilder builder, KStream<String, GradedReading> graded, KStream<String, ExportDeclaration> declarations,
                             Duration combineInterval) {
        Serde<SiteBalance> serde = SiteBalanceCodec.serde();
        Combiner.addStore(builder, PARTIALS_STORE, serde);
        KStream<String, SiteBalance> intake = graded.process(() -> new Combiner<GradedReading, SiteBalance>(PARTIALS_STORE,
                        (record, streamTime) -> new Combiner.Delta<>(record.value().getSiteId(), "", SiteBalance.intake(record.value())),
                        SiteBalance::plus, combineInterval), Named.as("views-balance-intake"), PARTIALS_STORE);
        KStream<String, SiteBalance> exported = declarations.map(
                (id, declaration) -> KeyValue.pair(declaration.getSiteId(), SiteBalance.export(declaration)), Named.as("views-balance-exports"));
        intake.merge(exported, Named.as("views-balance-merge"))
                .groupByKey(Grouped.with("views-balance-by-site", Serdes.String(), serde))
                .reduce(SiteBalance::plus, Named.as("views-balance"),
                        Materialized.<String, SiteBalance, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(serde));
    }
}
