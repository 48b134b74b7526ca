package io.scraptrace.streams.aggregates;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.avro.Site;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.streams.lots.LotReading;
import io.scraptrace.streams.serde.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Regional aggregates (item 1): each reading's region is looked up in the site registry when it is
 * processed, readings are repartitioned by region and summed per hour, per day (tumbling, with a
 * grace period for late readings) and for all time. Every update goes to the aggregates topic as
 * well as to a queryable store per window ({@link AggregateWindow#storeName()}).
 */
public final class AggregatesTopology {
    /** Config key: how long after a window ends a late reading still updates it. */
    public static final String GRACE_MS = "streams.window.grace.ms";
    /** Default grace period. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    private AggregatesTopology() {
    }

    /** Adds the regional aggregation of {@code readings}. */
    public static void build(ScrapTraceConfig config, KStream<String, LotReading> readings, GlobalKTable<String, Site> sites) {
        Duration grace = Duration.ofMillis(config.getLong(GRACE_MS, DEFAULT_GRACE.toMillis()));
        Topic<String, RegionAggregate> out = config.topics().aggregates;
        KGroupedStream<String, RegionContribution> byRegion = readings
                .leftJoin(sites, (lotId, r) -> r.reading().getSiteId(),
                        (r, site) -> RegionContribution.of(r.reading(), r.firstOfLot(), site), Named.as("views-agg-site-join"))
                .selectKey((lotId, contribution) -> contribution.region(), Named.as("views-agg-by-region"))
                .groupByKey(Grouped.with("views-aggregates-by-region", Serdes.String(), new JsonSerde<>(RegionContribution.class)));
        windowed(byRegion, AggregateWindow.HOUR, grace, out);
        windowed(byRegion, AggregateWindow.DAY, grace, out);
        allTime(byRegion, out);
    }

    private static void windowed(KGroupedStream<String, RegionContribution> byRegion, AggregateWindow window, Duration grace,
                                 Topic<String, RegionAggregate> out) {
        Duration retention = window.retention().compareTo(window.size().plus(grace)) >= 0 ? window.retention() : window.size().plus(grace);
        byRegion.windowedBy(TimeWindows.ofSizeAndGrace(window.size(), grace))
                .aggregate(() -> RegionTotals.empty(window), RegionTotals::add, Named.as("views-agg-" + window.label()),
                        Materialized.<String, RegionAggregate, WindowStore<Bytes, byte[]>>as(window.storeName())
                                .withKeySerde(Serdes.String()).withValueSerde(out.valueSerde()).withRetention(retention))
                .toStream(Named.as("views-agg-" + window.label() + "-updates"))
                .map((key, total) -> publish(RegionTotals.inWindow(total, window, key.window().startTime())),
                        Named.as("views-agg-" + window.label() + "-stamp"))
                .to(out.name(), produced(out, window));
    }

    private static void allTime(KGroupedStream<String, RegionContribution> byRegion, Topic<String, RegionAggregate> out) {
        AggregateWindow window = AggregateWindow.ALL;
        byRegion.aggregate(() -> RegionTotals.empty(window), RegionTotals::add, Named.as("views-agg-all"),
                        Materialized.<String, RegionAggregate, KeyValueStore<Bytes, byte[]>>as(window.storeName())
                                .withKeySerde(Serdes.String()).withValueSerde(out.valueSerde()))
                .toStream(Named.as("views-agg-all-updates"))
                .map((region, total) -> publish(RegionTotals.inWindow(total, window, Instant.EPOCH)), Named.as("views-agg-all-stamp"))
                .to(out.name(), produced(out, window));
    }

    private static KeyValue<String, RegionAggregate> publish(RegionAggregate stamped) {
        return KeyValue.pair(RegionTotals.key(stamped), stamped);
    }

    private static Produced<String, RegionAggregate> produced(Topic<String, RegionAggregate> out, AggregateWindow window) {
        Serde<RegionAggregate> values = out.valueSerde();
        return Produced.with(out.keySerde(), values).withName("views-agg-" + window.label() + "-sink");
    }
}
