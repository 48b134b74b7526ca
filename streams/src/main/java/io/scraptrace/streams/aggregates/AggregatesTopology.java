package io.scraptrace.streams.aggregates;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.topics.Topic;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Regional aggregates (item 1): the combiner on the lot partitions sums the readings per region and
 * hour (or, for a reading too late for its hour, per day or all-time only; see
 * {@link AggregateWindow#finestOpen}), and only those sums are repartitioned by region, where
 * {@link RegionRollup} adds them to the hour, day (tumbling, UTC) and all-time totals. Every update
 * goes to the aggregates topic as well as to a queryable store per window
 * ({@link AggregateWindow#storeName()}).
 * <p>
 * A window closes {@code grace} after its end in stream time (the latest measurement time the lot's
 * partition has seen); a reading for a closed window still counts in the larger windows still open.
 */
public final class AggregatesTopology {
    /** Config key: how long after a window ends a late reading still updates it. */
    public static final String GRACE_MS = "streams.window.grace.ms";
    /** Default grace period. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    private AggregatesTopology() {
    }

    /** How long after a window ends a late reading still updates it, for {@code config}. */
    public static Duration grace(ScrapTraceConfig config) {
        return Duration.ofMillis(config.getLong(GRACE_MS, DEFAULT_GRACE.toMillis()));
    }

    /** Adds the regional rollup of {@code partials}, the lot partitions' sums keyed by region. */
    public static void build(StreamsBuilder builder, ScrapTraceConfig config, KStream<String, RegionAggregate> partials) {
        Topic<String, RegionAggregate> out = config.topics().aggregates;
        addTotalsStores(builder, grace(config), out);
        partials
                .repartition(Repartitioned.<String, RegionAggregate>as("views-aggregates-by-region")
                        .withKeySerde(Serdes.String()).withValueSerde(RegionPartialCodec.serde()))
                .process(RegionRollup::new, Named.as("views-agg-rollup"),
                        AggregateWindow.HOUR.storeName(), AggregateWindow.DAY.storeName(), AggregateWindow.ALL.storeName())
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("views-agg-sink"));
    }

    private static void addTotalsStores(StreamsBuilder builder, Duration grace, Topic<String, RegionAggregate> out) {
        // Timestamped stores, as the DSL's windowed aggregations kept: existing changelogs still restore.
        for (AggregateWindow window : new AggregateWindow[] {AggregateWindow.HOUR, AggregateWindow.DAY}) {
            Duration retention = window.retention().compareTo(window.size().plus(grace)) >= 0 ? window.retention() : window.size().plus(grace);
            builder.addStateStore(Stores.timestampedWindowStoreBuilder(
                    Stores.persistentTimestampedWindowStore(window.storeName(), retention, window.size(), false),
                    Serdes.String(), out.valueSerde()));
        }
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(AggregateWindow.ALL.storeName()), Serdes.String(), out.valueSerde()));
    }
}
