package io.scraptrace.streams.alerts;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.BaselConsent;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.Sensor;
import io.scraptrace.avro.Site;
import io.scraptrace.avro.SiteType;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.lineage.LineageTopology;
import io.scraptrace.streams.lots.LotsTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The alert sub-topology under a TopologyTestDriver, wired the way the streams application wires
 * it (shared sources, sites as a global table), with builders for test records.
 */
final class AlertsFixture implements AutoCloseable {
    static final Instant DECLARED_AT = Instant.parse("2026-06-01T10:00:00Z");
    static final Duration LOT_WAIT = Duration.ofMinutes(10);

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, GradedReading> graded;
    private final TestInputTopic<String, ExportDeclaration> exports;
    private final TestInputTopic<String, Site> sites;
    private final TestInputTopic<String, BaselConsent> consents;
    private final TestOutputTopic<String, Alert> alerts;
    private int readingSeq;

    AlertsFixture(Path stateDir) {
        this(stateDir, Map.of());
    }

    AlertsFixture(Path stateDir, Map<String, String> overrides) {
        // In-memory stores: same semantics, much cheaper to open per test than a dozen RocksDB instances.
        Map<String, String> settings = new HashMap<>(Map.of("alerts.state.in.memory", "true"));
        settings.putAll(overrides);
        ScrapTraceConfig config = ScrapTraceConfig.of(settings);
        Topics topics = config.topics();
        StreamsBuilder builder = new StreamsBuilder();
        // Resends are removed by the lineage register and lots folded before the alerts see graded readings, as in the application.
        AlertInputs inputs = new AlertInputs(LotsTopology.track(builder, LineageTopology.register(builder,
                builder.stream(topics.graded.name(), Consumed.with(topics.graded.keySerde(), topics.graded.valueSerde())))),
                builder.stream(topics.exports.name(), Consumed.with(topics.exports.keySerde(), topics.exports.valueSerde())),
                builder.globalTable(topics.sites.name(), Consumed.with(topics.sites.keySerde(), topics.sites.valueSerde()),
                        Materialized.as("sites-store")),
                builder.stream(topics.consents.name(), Consumed.with(topics.consents.keySerde(), topics.consents.valueSerde())));
        AlertsTopology.build(builder, config, inputs);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props, Instant.parse("2026-06-01T12:00:00Z"));
        graded = driver.createInputTopic(topics.graded.name(), topics.graded.keySerde().serializer(), topics.graded.valueSerde().serializer());
        exports = driver.createInputTopic(topics.exports.name(), topics.exports.keySerde().serializer(), topics.exports.valueSerde().serializer());
        sites = driver.createInputTopic(topics.sites.name(), topics.sites.keySerde().serializer(), topics.sites.valueSerde().serializer());
        consents = driver.createInputTopic(topics.consents.name(), topics.consents.keySerde().serializer(), topics.consents.valueSerde().serializer());
        alerts = driver.createOutputTopic(topics.alerts.name(), topics.alerts.keySerde().deserializer(), topics.alerts.valueSerde().deserializer());
    }

    /** Registers a licensed site with no expiry. */
    void site(String siteId) {
        site(siteId, true, null);
    }

    void site(String siteId, boolean licensed, String licenseExpires) {
        sites.pipeInput(siteId, Site.newBuilder().setSiteId(siteId).setName("Yard " + siteId).setRegion("JP-13")
                .setType(SiteType.YARD).setLicensed(licensed).setLicenseExpires(licenseExpires).build());
    }

    void consent(String consentId, String exporterId, String destination, Material material, String from, String until) {
        consents.pipeInput(consentId, BaselConsent.newBuilder().setConsentId(consentId).setExporterId(exporterId)
                .setDestination(destination).setMaterial(material).setValidFrom(from).setValidUntil(until).build());
    }

    void revokeConsent(String consentId) {
        consents.pipeInput(consentId, null);
    }

    /** Grades one reading of {@code kg} kg as {@code grade}; returns its eventId. */
    String grade(String siteId, String lotId, String grade, double kg) {
        String eventId = "E-" + (++readingSeq);
        grade(eventId, siteId, lotId, grade, kg);
        return eventId;
    }

    void grade(String eventId, String siteId, String lotId, String grade, double kg) {
        Instant at = DECLARED_AT.minus(Duration.ofHours(1));
        GradeCatalogue catalogue = GradeCatalogue.get();
        graded.pipeInput(lotId, GradedReading.newBuilder().setEventId(eventId).setSiteId(siteId).setStationId("ST-1")
                .setLotId(lotId).setTimestamp(at).setSensor(Sensor.XRF).setMassKg(kg).setComposition(Map.of("Fe", 98.0))
                .setGrade(grade).setMaterial(catalogue.materialOf(grade)).setHighGrade(catalogue.isHighGrade(grade))
                .setConfidence(0.9).setProbabilities(Map.of(grade, 0.9)).setModelVersion("test-1").setGradedAt(at).build(), at);
    }

    /** A clean ferrous declaration of {@code massKg} from {@code siteId} to VN, to adjust before sending. */
    static ExportDeclaration.Builder declaration(String declarationId, String siteId, double massKg, String... lotIds) {
        return ExportDeclaration.newBuilder().setDeclarationId(declarationId).setExporterId("X-" + declarationId)
                .setSiteId(siteId).setPort("JP-14").setHsCode("7204.49").setDeclaredMaterial(Material.FERROUS)
                .setDeclaredGrade(null).setMassKg(massKg).setValueJpy(55_000 * massKg / 1000).setDestination("VN")
                .setLotIds(List.of(lotIds)).setTimestamp(DECLARED_AT);
    }

    void declare(ExportDeclaration.Builder declaration) {
        ExportDeclaration d = declaration.build();
        exports.pipeInput(d.getDeclarationId(), d, d.getTimestamp());
    }

    void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    /** Every alert emitted so far, in order. */
    List<KeyValue<String, Alert>> emitted() {
        return alerts.readKeyValuesToList();
    }

    /** The latest alert per declaration in the queryable store. */
    Optional<Alert> latest(String declarationId) {
        KeyValueStore<String, Alert> store = driver.getKeyValueStore(AlertsTopology.ALERTS_STORE);
        return Optional.ofNullable(store.get(declarationId));
    }

    Alert alertOf(String declarationId) {
        return latest(declarationId).orElseThrow(() -> new AssertionError("no alert for " + declarationId));
    }

    static Optional<AlertReason> reason(Alert alert, String code) {
        return alert.getReasons().stream().filter(r -> r.getCode().equals(code)).findFirst();
    }

    static List<String> codes(Alert alert) {
        return alert.getReasons().stream().map(AlertReason::getCode).collect(Collectors.toList());
    }

    @Override
    public void close() {
        driver.close();
    }
}
