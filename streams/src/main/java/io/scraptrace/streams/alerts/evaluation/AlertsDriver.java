package io.scraptrace.streams.alerts.evaluation;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.BaselConsent;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Site;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.alerts.AlertInputs;
import io.scraptrace.streams.alerts.AlertsTopology;
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
 * The alert sub-topology under a Kafka Streams TopologyTestDriver, wired as the streams application
 * wires it (resends removed by the lineage register, lots folded, sites as a global table): the same
 * processors and state, driven record by record and with a wall clock that only moves when told.
 * For the alert evaluation and the topology tests.
 */
public final class AlertsDriver implements AutoCloseable {
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, GradedReading> graded;
    private final TestInputTopic<String, ExportDeclaration> exports;
    private final TestInputTopic<String, Site> sites;
    private final TestInputTopic<String, BaselConsent> consents;
    private final TestOutputTopic<String, Alert> alerts;

    /**
     * @param stateDir       where the driver keeps state (in-memory stores unless the overrides say otherwise)
     * @param overrides      configuration, e.g. {@code alerts.lot.wait.ms}
     * @param wallClockStart the driver's initial wall-clock time
     */
    public AlertsDriver(Path stateDir, Map<String, String> overrides, Instant wallClockStart) {
        // In-memory stores: same semantics, much cheaper to open than a dozen RocksDB instances.
        Map<String, String> settings = new HashMap<>(Map.of("alerts.state.in.memory", "true"));
        settings.putAll(overrides);
        ScrapTraceConfig config = ScrapTraceConfig.of(settings);
        Topics topics = config.topics();
        StreamsBuilder builder = new StreamsBuilder();
        AlertInputs inputs = new AlertInputs(LotsTopology.track(builder, LineageTopology.register(builder,
                builder.stream(topics.graded.name(), Consumed.with(topics.graded.keySerde(), topics.graded.valueSerde())))),
                builder.stream(topics.exports.name(), Consumed.with(topics.exports.keySerde(), topics.exports.valueSerde())),
                builder.globalTable(topics.sites.name(), Consumed.with(topics.sites.keySerde(), topics.sites.valueSerde()),
                        Materialized.as("sites-store")),
                builder.stream(topics.consents.name(), Consumed.with(topics.consents.keySerde(), topics.consents.valueSerde())));
        AlertsTopology.build(builder, config, inputs);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-driver");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, InMemoryRocksDb.class.getName());
        driver = new TopologyTestDriver(builder.build(), props, wallClockStart);
        graded = driver.createInputTopic(topics.graded.name(), topics.graded.keySerde().serializer(), topics.graded.valueSerde().serializer());
        exports = driver.createInputTopic(topics.exports.name(), topics.exports.keySerde().serializer(), topics.exports.valueSerde().serializer());
        sites = driver.createInputTopic(topics.sites.name(), topics.sites.keySerde().serializer(), topics.sites.valueSerde().serializer());
        consents = driver.createInputTopic(topics.consents.name(), topics.consents.keySerde().serializer(), topics.consents.valueSerde().serializer());
        alerts = driver.createOutputTopic(topics.alerts.name(), topics.alerts.keySerde().deserializer(), topics.alerts.valueSerde().deserializer());
    }

    /** Registers or updates a site. */
    public void site(Site site) {
        sites.pipeInput(site.getSiteId(), site);
    }

    /** Grants a consent, or revokes {@code consentId} when {@code consent} is null. */
    public void consent(String consentId, BaselConsent consent) {
        consents.pipeInput(consentId, consent);
    }

    /** One graded reading, at its measurement time. */
    public void graded(GradedReading reading) {
        graded.pipeInput(reading.getLotId(), reading, reading.getTimestamp());
    }

    /** One export declaration, at its declaration time. */
    public void declare(ExportDeclaration declaration) {
        exports.pipeInput(declaration.getDeclarationId(), declaration, declaration.getTimestamp());
    }

    /** Moves the wall clock, firing the timers that fall due (lot waits, intake flushes). */
    public void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    /** Every alert on the alerts topic so far that was not read yet, in order. */
    public List<KeyValue<String, Alert>> emitted() {
        return alerts.readKeyValuesToList();
    }

    /** The latest alert of a declaration in the queryable store (PENDING or JUDGED). */
    public Optional<Alert> latest(String declarationId) {
        KeyValueStore<String, Alert> store = driver.getKeyValueStore(AlertsTopology.ALERTS_STORE);
        return Optional.ofNullable(store.get(declarationId));
    }

    @Override
    public void close() {
        driver.close();
    }
}
