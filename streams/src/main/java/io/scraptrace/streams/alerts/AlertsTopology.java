package io.scraptrace.streams.alerts;

import io.scraptrace.avro.Alert;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.DestinationEvent;
import io.scraptrace.streams.alerts.model.LotEvent;
import io.scraptrace.streams.alerts.model.LotRequest;
import io.scraptrace.streams.alerts.model.PendingLots;
import io.scraptrace.streams.alerts.model.SiteEvent;
import io.scraptrace.streams.alerts.model.Verdict;
import io.scraptrace.streams.alerts.process.ConsentIndex;
import io.scraptrace.streams.alerts.process.DestinationCheck;
import io.scraptrace.streams.alerts.process.LotLedger;
import io.scraptrace.streams.alerts.process.RollingBaseline;
import io.scraptrace.streams.alerts.process.SiteLedger;
import io.scraptrace.streams.alerts.process.VerdictMerger;
import io.scraptrace.streams.alerts.rules.BaselineRule;
import io.scraptrace.streams.alerts.rules.HazardousDestinationRule;
import io.scraptrace.streams.alerts.rules.SiteChecks;
import io.scraptrace.streams.alerts.rules.ValueOutlierRule;
import io.scraptrace.streams.alerts.rules.VolumeSpikeRule;
import io.scraptrace.streams.lots.LotsTopology;
import io.scraptrace.streams.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The export anomaly detection sub-topology (CONTRACT section 5). Every declaration goes through
 * three independent checks, each on the keying its state needs, and the verdicts meet again per
 * declarationId:
 * <ol>
 * <li>LOTS: requests for each declared lot go to the {@link LotLedger} (by lotId, next to the
 * graded readings); its answers and the sites' graded intake go to the {@link SiteLedger} (by
 * origin siteId), which judges grade, mass balance, registry and traceability once the lots are
 * graded or the wait ran out; the {@link DestinationCheck} (by destination) adds the Basel
 * consent check.</li>
 * <li>VALUE and VOLUME: {@link RollingBaseline}s by HS code and by exporter.</li>
 * </ol>
 * The {@link VerdictMerger} writes one {@link Alert} per declaration (severity 0 when clean) to the alerts
 * topic and keeps the latest in {@link #ALERTS_STORE}; a re-check replaces it. Until all checks have
 * judged, the store holds a PENDING alert with the lots still missing.
 */
public final class AlertsTopology {
    /** Queryable KeyValueStore&lt;declarationId, Alert&gt; with the latest verdict per declaration. */
    public static final String ALERTS_STORE = "alerts-store";

    private AlertsTopology() {
    }

    /** Adds the alert sub-topology to {@code builder}; reads the shared sources from {@code inputs}. */
    public static void build(StreamsBuilder builder, ScrapTraceConfig config, AlertInputs inputs) {
        AlertSettings settings = AlertSettings.from(config);
        GradeCatalogue catalogue = GradeCatalogue.get();
        Topics topics = config.topics();
        AlertStores.addAll(builder, topics, settings);

        KStream<String, Declaration> declarations = inputs.exports()
                .filter((id, declaration) -> declaration != null, Named.as("alerts-exports-present"))
                .leftJoin(inputs.sites(), (id, declaration) -> declaration.getSiteId(), Declaration::of,
                        Named.as("alerts-declaration-site"));

        KStream<String, Verdict> lotsVerdicts = lotsCheck(declarations, inputs, settings, catalogue, topics);
        KStream<String, Verdict> consentChecked = lotsVerdicts.mapValues(DestinationEvent::of, Named.as("alerts-verdict-to-destination"))
                .merge(inputs.consents().process(ConsentIndex::new, Named.as("alerts-consent-index"), ConsentIndex.CONSENTS_BY_ID_STORE),
                        Named.as("alerts-destination-events"))
                .repartition(Repartitioned.<String, DestinationEvent>as("alerts-destinations")
                        .withKeySerde(Serdes.String()).withValueSerde(json(DestinationEvent.class)))
                .process(() -> new DestinationCheck(new HazardousDestinationRule(catalogue)), Named.as("alerts-destination-check"),
                        DestinationCheck.CONSENTS_STORE);

        // The declaration itself also goes straight to the merger, without a repartition (the verdicts
        // topic has the exports topic's partitions), so it is PENDING in the alerts store as soon as
        // this instance has read it, not after three repartition hops. Verdicts carry no lot list
        // unless a reason must name the lots: the merger keeps them for as long as the declaration lives.
        KStream<String, Verdict> arrived = declarations.mapValues(d -> Verdict.waiting(d.withoutLots(), PendingLots.arrived(d)),
                Named.as("alerts-declaration-arrived"));
        consentChecked
                .merge(baseline(declarations, new ValueOutlierRule(settings)), Named.as("alerts-merge-value"))
                .merge(baseline(declarations, new VolumeSpikeRule(settings)), Named.as("alerts-merge-volume"))
                .repartition(Repartitioned.<String, Verdict>as("alerts-verdicts")
                        .withKeySerde(Serdes.String()).withValueSerde(json(Verdict.class))
                        .withNumberOfPartitions(topics.exports.partitions()))
                .merge(arrived, Named.as("alerts-merge-arrived"))
                .process(() -> new VerdictMerger(ALERTS_STORE, settings.lotWait()), Named.as("alerts-verdict-merger"),
                        VerdictMerger.VERDICTS_STORE, ALERTS_STORE)
                .to(topics.alerts.name(), Produced.with(topics.alerts.keySerde(), topics.alerts.valueSerde()).withName("alerts-sink"));
    }

    private static KStream<String, Verdict> lotsCheck(KStream<String, Declaration> declarations, AlertInputs inputs,
                                                      AlertSettings settings, GradeCatalogue catalogue, Topics topics) {
        // Same partition count as the graded topic, so a lot's requests meet its readings in one task.
        KStream<String, LotEvent> requests = declarations
                .flatMap((id, d) -> d.lotIds().stream().distinct()
                        .map(lot -> KeyValue.pair(lot, new LotRequest(id, d.siteId(), lot))).toList(), Named.as("alerts-lot-requests-split"))
                .repartition(Repartitioned.<String, LotRequest>as("alerts-lot-requests")
                        .withKeySerde(Serdes.String()).withValueSerde(json(LotRequest.class))
                        .withNumberOfPartitions(topics.graded.partitions()))
                .mapValues(LotEvent::of, Named.as("alerts-lot-request-events"));
        KStream<String, SiteEvent> fromLots = inputs.lotReadings()
                .mapValues(LotEvent::of, Named.as("alerts-graded-events"))
                .merge(requests, Named.as("alerts-lot-events"))
                .process(() -> new LotLedger(settings.intakeFlushInterval()), Named.as("alerts-lot-ledger"),
                        LotsTopology.STORE, LotLedger.CLAIMS_STORE, LotLedger.INTAKE_BUFFER_STORE);
        return declarations
                .map((id, d) -> KeyValue.pair(d.siteId(), SiteEvent.of(d)), Named.as("alerts-declaration-to-site"))
                .merge(fromLots, Named.as("alerts-site-events-merge"))
                .repartition(Repartitioned.<String, SiteEvent>as("alerts-site-events")
                        .withKeySerde(Serdes.String()).withValueSerde(json(SiteEvent.class)))
                .process(() -> new SiteLedger(new SiteChecks(settings, catalogue), settings.lotWait(), settings.lotWaitCheckInterval()),
                        Named.as("alerts-site-ledger"),
                        SiteLedger.HEADERS_STORE, SiteLedger.LOT_LISTS_STORE, SiteLedger.DECLARED_LOTS_STORE, SiteLedger.WAITING_STORE, SiteLedger.UNREPORTED_STORE, SiteLedger.INTAKE_STORE, SiteLedger.EXPORTED_STORE);
    }

    private static KStream<String, Verdict> baseline(KStream<String, Declaration> declarations, BaselineRule rule) {
        String name = RollingBaseline.storeName(rule);
        return declarations
                .selectKey((id, d) -> rule.keyOf(d), Named.as(name + "-key"))
                .repartition(Repartitioned.<String, Declaration>as(name)
                        .withKeySerde(Serdes.String()).withValueSerde(json(Declaration.class)))
                .process(() -> new RollingBaseline(rule), Named.as(name + "-check"), name);
    }

    static <T> Serde<T> json(Class<T> type) {
        return new JsonSerde<>(type);
    }
}
