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
import io.scraptrace.streams.cases.CaseTopology;
import io.scraptrace.streams.combine.CombineTopology;
import io.scraptrace.streams.declarations.DeclarationsTopology;
import io.scraptrace.streams.kpis.KpisTopology;
import io.scraptrace.streams.lineage.LineageTopology;
import io.scraptrace.streams.lots.LotReading;
import io.scraptrace.streams.lots.LotsTopology;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The whole streams application: subscribes each shared topic once, registers graded readings
 * (dropping resends) in the lineage, folds them into per-lot state, and builds the alerts
 * sub-topology and the views (regional aggregates, site balances and the monthly KPI totals, all fed
 * by one combiner) on that, and keeps the regulators' cases beside them.
 */
public final class StreamsTopology {
    /** Queryable global store of the site registry, present on every instance. */
    public static final String SITES_STORE = "sites-store";

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

        KStream<String, GradedReading> registered = LineageTopology.register(builder, config, graded);
        KStream<String, LotReading> lotReadings = LotsTopology.track(builder, registered);
        AlertsTopology.build(builder, config, new AlertInputs(lotReadings, exports, sites, consents));
        CombineTopology.Sums sums = CombineTopology.build(builder, config, lotReadings, SITES_STORE);
        AggregatesTopology.build(builder, config, sums.byRegion());
        KStream<String, ExportDeclaration> newDeclarations = DeclarationsTopology.register(builder, topics.exports, exports);
        BalanceTopology.build(sums.bySite(), newDeclarations);
        CaseTopology.build(builder, topics.cases);
        // The alerts are this application's own output: the KPIs book each declaration as the checks judged it.
        KpisTopology.build(builder, config, sums.byMonth(), builder.stream(topics.alerts.name(), consumed(topics.alerts)));
    }

    private static <V> Consumed<String, V> consumed(Topic<String, V> topic) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName("views-source-" + topic.name());
    }
}
