package io.scraptrace.streams.aggregates;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.avro.Site;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.streams.combine.Combiner;
import io.scraptrace.streams.lots.LotReading;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

/**
 * Regional aggregates (item 1): each reading's region is looked up in the site registry when it is
 * processed; on the lot's partition a {@link Combiner} sums the readings per region and hour (or,
 * for a reading too late for its hour, per day or all-time only), and only those sums are
 * repartitioned by region, where {@link RegionRollup} adds them to the hour, day (tumbling, UTC) and
 * all-time totals. Every update goes to the aggregates topic as well as to a queryable store per
 * window ({@link AggregateWindow#storeName()}).
 * <p>
 * A window closes {@code grace} after its end in stream time (the latest measurement time the lot's
 * partition has seen); a reading for a closed window still counts in the larger windows still open.
 */
public final class AggregatesTopology {
    /** Config key: how long after a window ends a late reading still updates it. */
    public static final String GRACE_MS = "streams.window.grace.ms";
    /** Default grace period. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    /** Per-partition sums not yet sent on. */
    public static final String PARTIALS_STORE = "views-agg-partials-store";

    private AggregatesTopology() {
    }

    /** Adds the regional aggregation of {@code readings}. */
    public static void build(StreamsBuilder builder, ScrapTraceConfig config, KStream<String, LotReading> readings,
                             GlobalKTable<String, Site> sites) {
        Duration grace = Duration.ofMillis(config.getLong(GRACE_MS, DEFAULT_GRACE.toMillis()));
        Topic<String, RegionAggregate> out = config.topics().aggregates;
        Combiner.addStore(builder, PARTIALS_STORE, RegionPartialCodec.serde());
        addTotalsStores(builder, grace, out);
        readings
                .leftJoin(sites, (lotId, r) -> r.reading().getSiteId(),
                        (r, site) -> RegionContribution.of(r.reading(), r.firstOfLot(), site), Named.as("views-agg-site-join"))
                .process(() -> new Combiner<>(PARTIALS_STORE, (record, streamTime) -> partial(record, streamTime, grace),
                        RegionTotals::add, Combiner.interval(config)), Named.as("views-agg-combine"), PARTIALS_STORE)
                .repartition(Repartitioned.<String, RegionAggregate>as("views-aggregates-by-region")
                        .withKeySerde(Serdes.String()).withValueSerde(RegionPartialCodec.serde()))
                .process(RegionRollup::new, Named.as("views-agg-rollup"),
                        AggregateWindow.HOUR.storeName(), AggregateWindow.DAY.storeName(), AggregateWindow.ALL.storeName())
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("views-agg-sink"));
    }

    /** The reading's share, under the smallest of its windows still open. */
    private static Combiner.Delta<RegionAggregate> partial(Record<String, RegionContribution> record, long streamTime, Duration grace) {
        RegionContribution c = record.value();
        long time = record.timestamp();
        long closedBefore = Math.max(streamTime, time) - grace.toMillis();
        AggregateWindow window = AggregateWindow.ALL;
        Instant start = null;
        for (AggregateWindow candidate : new AggregateWindow[] {AggregateWindow.HOUR, AggregateWindow.DAY}) {
            long windowStart = candidate.startOf(time);
            if (windowStart + candidate.size().toMillis() > closedBefore) {
                window = candidate;
                start = Instant.ofEpochMilli(windowStart);
                break;
            }
        }
        String bucket = window.label() + (start == null ? "" : "@" + start.toEpochMilli());
        return new Combiner.Delta<>(c.region(), bucket, RegionTotals.of(c.region(), c, window, start));
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
