package io.scraptrace.streams.app;

import io.scraptrace.avro.BaselConsent;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Site;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.aggregates.AggregatesTopology;
import io.scraptrace.streams.alerts.AlertInputs;
import io.scraptrace.streams.alerts.AlertsTopology;
import io.scraptrace.streams.balance.BalanceTopology;
import io.scraptrace.streams.declarations.DeclarationsTopology;
import io.scraptrace.streams.dedupe.EventDedupe;
import io.scraptrace.streams.lineage.LineageTopology;
import io.scraptrace.streams.lots.LotReading;
import io.scraptrace.streams.lots.LotsTopology;
import java.time.Duration;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The whole streams application: subscribes each shared topic once, hands the sources to the alerts
 * sub-topology, and builds the views (dedupe, lots, regional aggregates, site balances, lineage).
 */
public final class StreamsTopology {
    /** Queryable global store of the site registry, present on every instance. */
    public static final String SITES_STORE = "sites-store";
    /** Config key: how long a graded eventId is remembered to drop resends. */
    public static final String DEDUPE_WINDOW_MS = "streams.dedupe.window.ms";
    /** Default dedupe window. */
    public static final Duration DEFAULT_DEDUPE_WINDOW = Duration.ofDays(7);

    private StreamsTopology() {
    }

    /** The complete topology for {@code config}. */
    public static Topology build(ScrapTraceConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, config);
        return builder.build();
    }

    /** Adds the complete application to {@code builder}. */
    public static void build(StreamsBuilder builder, ScrapTraceConfig config) {
        Topics topics = config.topics();
        KStream<String, GradedReading> graded = builder.stream(topics.graded.name(),
                consumed(topics.graded).withTimestampExtractor(new EventTimeExtractor()));
        KStream<String, ExportDeclaration> exports = builder.stream(topics.exports.name(), consumed(topics.exports));
        GlobalKTable<String, Site> sites = builder.globalTable(topics.sites.name(), consumed(topics.sites),
                Materialized.<String, Site, KeyValueStore<Bytes, byte[]>>as(SITES_STORE)
                        .withKeySerde(topics.sites.keySerde()).withValueSerde(topics.sites.valueSerde()));
        KStream<String, BaselConsent> consents = builder.stream(topics.consents.name(), consumed(topics.consents));

        AlertsTopology.build(builder, config, new AlertInputs(graded, exports, sites, consents));

        Duration dedupeWindow = Duration.ofMillis(config.getLong(DEDUPE_WINDOW_MS, DEFAULT_DEDUPE_WINDOW.toMillis()));
        KStream<String, GradedReading> deduped = EventDedupe.deduplicate(builder, graded, dedupeWindow);
        KStream<String, LotReading> lotReadings = LotsTopology.track(builder, deduped);
        AggregatesTopology.build(config, lotReadings, sites);
        LineageTopology.build(builder, deduped);
        KStream<String, ExportDeclaration> newDeclarations = DeclarationsTopology.register(builder, topics.exports, exports);
        BalanceTopology.build(deduped, newDeclarations);
    }

    private static <V> Consumed<String, V> consumed(Topic<String, V> topic) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName("views-source-" + topic.name());
    }
}
