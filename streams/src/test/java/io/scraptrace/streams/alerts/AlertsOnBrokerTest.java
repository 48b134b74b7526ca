package io.scraptrace.streams.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.Sensor;
import io.scraptrace.avro.Site;
import io.scraptrace.avro.SiteType;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.alerts.consents.ConsentsLoader;
import io.scraptrace.streams.lots.LotsTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert sub-topology on a real broker under exactly_once_v2: six-partition graded and exports
 * topics, real repartition topics, the consents topic seeded by {@link ConsentsLoader}.
 */
class AlertsOnBrokerTest {
    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    @Test
    void declarationsAreCheckedEndToEndWithBundledConsents() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            // In-memory stores: ~90 RocksDB instances less to open; the full-topology broker tests run them on RocksDB.
            ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                    "alerts.state.in.memory", "true"));
            TopicCreator.ensureTopics(config);
            Topics topics = config.topics();

            assertEquals(List.of("PIC-BLACK_MASS-BE", "PIC-BLACK_MASS-KR"), ConsentsLoader.publish(config, null).stream().sorted().toList());
            try (KafkaProducer<String, byte[]> producer = bytesProducer(config)) {
                send(producer, topics.consents, "PIC-BLACK_MASS-BE", null);
            }
            assertEquals(List.of(), ConsentsLoader.publish(config, null), "present or revoked consents are not published again");

            try (KafkaStreams streams = new KafkaStreams(topology(config), streamsProps(config, dir.resolve("state")))) {
                streams.start();
                // Records sent while the group still forms wait for the assignment, and the sleeps
                // below assume they are processed as they arrive.
                awaitRunning(streams, Duration.ofSeconds(60));
                try (KafkaProducer<String, byte[]> producer = bytesProducer(config)) {
                    send(producer, topics.sites, "S1", Site.newBuilder().setSiteId("S1").setName("Yard").setRegion("JP-13")
                            .setType(SiteType.BATTERY_RECYCLER).setLicensed(true).build());
                    for (int lot = 0; lot < 12; lot++) {
                        send(producer, topics.graded, "L" + lot, graded("E" + lot, "L" + lot, 1_000));
                    }
                    producer.flush();
                    // The graded intake reaches the site ledger on its flush timer (1 s), through a
                    // repartition topic; declare well after it.
                    Thread.sleep(3_000);
                    send(producer, topics.exports, "D-KR", declaration("D-KR", "KR", 3_000, "L0", "L1", "L2"));
                    send(producer, topics.exports, "D-BE", declaration("D-BE", "BE", 3_000, "L3", "L4", "L5"));
                    send(producer, topics.exports, "D-CN", declaration("D-CN", "CN", 3_000, "L6", "L7", "L8"));
                    // Declared before its last lot is graded: checked once L12 arrives.
                    send(producer, topics.exports, "D-LATE", declaration("D-LATE", "KR", 2_000, "L9", "L12"));
                    producer.flush();
                    Thread.sleep(1_000);
                    send(producer, topics.graded, "L12", graded("E12", "L12", 1_000));
                }
                Map<String, Alert> alerts = readAlerts(config, 4, Duration.ofSeconds(90));

                assertEquals(0, alerts.get("D-KR").getSeverity(), () -> "D-KR: " + alerts.get("D-KR").getReasons());
                assertEquals(List.of("HAZARDOUS_DESTINATION"), codes(alerts.get("D-BE")), "the BE consent was revoked");
                assertEquals(List.of("HAZARDOUS_DESTINATION"), codes(alerts.get("D-CN")));
                assertEquals(0, alerts.get("D-LATE").getSeverity(), () -> "D-LATE: " + alerts.get("D-LATE").getReasons());
                assertEquals(2_000, alerts.get("D-LATE").getMeasuredMassKg(), 1e-9);
                assertEquals("BM_NMC", alerts.get("D-KR").getMeasuredGrade());
            }
        }
    }

    private static void awaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("streams not RUNNING within " + timeout + ": " + streams.state());
            }
            Thread.sleep(100);
        }
    }

    private static Topology topology(ScrapTraceConfig config) {
        Topics topics = config.topics();
        StreamsBuilder builder = new StreamsBuilder();
        AlertsTopology.build(builder, config, new AlertInputs(LotsTopology.track(builder,
                builder.stream(topics.graded.name(), Consumed.with(topics.graded.keySerde(), topics.graded.valueSerde()))),
                builder.stream(topics.exports.name(), Consumed.with(topics.exports.keySerde(), topics.exports.valueSerde())),
                builder.globalTable(topics.sites.name(), Consumed.with(topics.sites.keySerde(), topics.sites.valueSerde()), Materialized.as("sites-store")),
                builder.stream(topics.consents.name(), Consumed.with(topics.consents.keySerde(), topics.consents.valueSerde()))));
        return builder.build();
    }

    private static Properties streamsProps(ScrapTraceConfig config, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-on-broker-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return p;
    }

    private static GradedReading graded(String eventId, String lotId, double kg) {
        return GradedReading.newBuilder().setEventId(eventId).setSiteId("S1").setStationId("ST-1").setLotId(lotId)
                .setTimestamp(NOW).setSensor(Sensor.XRF).setMassKg(kg).setComposition(Map.of("Ni", 20.0, "Co", 6.0, "Li", 3.5))
                .setGrade("BM_NMC").setMaterial(Material.BLACK_MASS).setHighGrade(true).setConfidence(0.95)
                .setProbabilities(Map.of("BM_NMC", 0.95)).setModelVersion("test").setGradedAt(NOW).build();
    }

    private static ExportDeclaration declaration(String id, String destination, double massKg, String... lots) {
        return ExportDeclaration.newBuilder().setDeclarationId(id).setExporterId("EXP-" + id).setSiteId("S1").setPort("JP-14")
                .setHsCode("8549.13").setDeclaredMaterial(Material.BLACK_MASS).setDeclaredGrade("BM_NMC").setMassKg(massKg)
                .setValueJpy(450 * massKg).setDestination(destination).setLotIds(List.of(lots)).setTimestamp(NOW).build();
    }

    private static KafkaProducer<String, byte[]> bytesProducer(ScrapTraceConfig config) {
        return new KafkaProducer<>(KafkaClients.producer(config, "alerts-test-producer"),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static <V> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic, String key, V value) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value))).get();
    }

    private static Map<String, Alert> readAlerts(ScrapTraceConfig config, int declarations, Duration timeout) {
        Topic<String, Alert> topic = config.topics().alerts;
        Map<String, Alert> latest = new HashMap<>();
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, "alerts-test-reader"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (latest.size() < declarations && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(500))) {
                    latest.put(record.key(), record.value());
                }
            }
        }
        assertEquals(declarations, latest.size(), () -> "alerts received: " + latest.keySet());
        return latest;
    }

    private static List<String> codes(Alert alert) {
        return alert.getReasons().stream().map(AlertReason::getCode).collect(Collectors.toList());
    }
}
