package io.scraptrace.streams.app;

import static io.scraptrace.streams.testing.StreamsInstance.OPERATOR_JP13;
import static io.scraptrace.streams.testing.StreamsInstance.PLANT_S1;
import static io.scraptrace.streams.testing.StreamsInstance.REGULATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.Site;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.avro.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.testing.GradedFeed;
import io.scraptrace.streams.testing.Records;
import io.scraptrace.streams.testing.SseRecorder;
import io.scraptrace.streams.testing.StreamsInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two streams instances of one application in one JVM on a real broker: every query gives the same
 * answer whichever instance is asked, and the answers match totals computed from the input.
 */
class TwoInstancesQueryTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<Site> SITES = List.of(Records.site("S1", "JP-13"), Records.site("S2", "JP-14"), Records.site("S3", "JP-27"));

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void broker() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void everyQueryAnswersTheSameFromEitherInstance() throws Exception {
        ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()));
        Topics topics = config.topics();
        TopicCreator.ensureTopics(config);
        GradedFeed feed = new GradedFeed(7, SITES, 24, 600, 0.05);
        String lotOfS1 = feed.records().stream().filter(r -> r.getSiteId().equals("S1")).findFirst().orElseThrow().getLotId();
        String lotOfS2 = feed.records().stream().filter(r -> r.getSiteId().equals("S2")).findFirst().orElseThrow().getLotId();
        ExportDeclaration declaration = Records.declaration("D1", "S1", Material.FERROUS, null, 900, List.of(lotOfS1, "LOT-NEVER"),
                feed.start().plus(Duration.ofHours(2)));

        try (KafkaProducer<String, Site> sites = GradedFeed.producer(config, topics.sites)) {
            SITES.forEach(s -> sites.send(new ProducerRecord<>(topics.sites.name(), s.getSiteId(), s)));
        }
        // Declaration D1 names a lot that never comes: the alerts side gives up waiting after 3 s instead of 10 min.
        Map<String, String> settings = Map.of("streams.commit.interval.ms", "200", "alerts.lot.wait.ms", "3000");
        try (StreamsInstance a = StreamsInstance.start(kafka.bootstrapServers(), dir.resolve("a"), settings);
             StreamsInstance b = StreamsInstance.start(kafka.bootstrapServers(), dir.resolve("b"), settings)) {
            a.awaitRunning(WAIT);
            b.awaitRunning(WAIT);
            SseRecorder operatorFeed = new SseRecorder("http://127.0.0.1:" + b.server.port(), OPERATOR_JP13);
            SseRecorder regulatorFeed = new SseRecorder("http://127.0.0.1:" + a.server.port(), REGULATOR);
            assertEquals(200, operatorFeed.status());
            assertEquals(200, regulatorFeed.status());
            try (KafkaProducer<String, GradedReading> graded = GradedFeed.producer(config, topics.graded);
                 KafkaProducer<String, ExportDeclaration> exports = GradedFeed.producer(config, topics.exports)) {
                feed.send(graded, topics.graded.name(), 0, feed.records().size());
                sendGarbage(config, topics.graded.name());
                exports.send(new ProducerRecord<>(topics.exports.name(), "D1", declaration)).get();
            }
            awaitReadings(a, feed.distinctReadings());
            assertTrue(activeTasks(a) > 0 && activeTasks(b) > 0, "both instances must own partitions, or nothing was forwarded");

            JsonNode all = same(a, b, "/v1/aggregates/regions?window=all", REGULATOR);
            Map<String, Double> tonnes = new HashMap<>();
            Map<String, Integer> lots = new HashMap<>();
            all.path("aggregates").forEach(n -> {
                tonnes.put(n.path("region").asText(), n.path("totalTonnes").asDouble());
                lots.put(n.path("region").asText(), n.path("lots").asInt());
            });
            assertEquals(feed.tonnesByRegion().keySet(), tonnes.keySet());
            feed.tonnesByRegion().forEach((region, t) -> assertEquals(t, tonnes.get(region), 1e-6, region));
            assertEquals(feed.lotsByRegion(), lots);

            JsonNode hours = same(a, b, "/v1/aggregates/regions?window=1h", REGULATOR);
            assertEquals(feed.distinctReadings(), sum(hours, "readings"), "hourly windows add up to all readings");
            same(a, b, "/v1/aggregates/regions/JP-14?window=1d", REGULATOR);

            Set<String> lotIds = new HashSet<>();
            feed.records().forEach(r -> lotIds.add(r.getLotId()));
            long lotReadings = 0;
            for (String lotId : lotIds) {
                JsonNode lot = same(a, b, "/v1/lots/" + lotId, REGULATOR);
                JsonNode readings = same(a, b, "/v1/lots/" + lotId + "/readings", REGULATOR);
                assertEquals(lot.path("readings").asLong(), readings.path("readings").size());
                lotReadings += lot.path("readings").asLong();
            }
            assertEquals(feed.distinctReadings(), lotReadings);

            JsonNode balance = same(a, b, "/v1/sites/S1/balance", REGULATOR);
            assertEquals(feed.tonnesByRegion().get("JP-13") * 1000, balance.path("intakeKg").asDouble(), 1e-6);
            assertEquals(900.0, awaitField(a, "/v1/sites/S1/balance", "exportedKg").asDouble(), 1e-9);

            JsonNode lineage = same(a, b, "/v1/trace/declarations/D1", REGULATOR);
            assertTrue(lineage.path("lots").get(0).path("graded").asBoolean());
            assertTrue(lineage.path("lots").get(0).path("fromDeclaredSite").asBoolean());
            assertFalse(lineage.path("lots").get(1).path("graded").asBoolean());
            assertEquals(lineage.path("lots").get(0).path("lot").path("readings").asInt(), lineage.path("lots").get(0).path("readings").size());

            // PENDING (severity 0) from the moment it is read, judged (UNTRACEABLE_LOTS) once the 3 s wait ran out.
            awaitField(a, "/v1/alerts/D1", "severity");
            same(a, b, "/v1/alerts/D1", REGULATOR);
            same(a, b, "/v1/alerts?minSeverity=0", REGULATOR);

            // The live feed: operators see only their regions' aggregates and no alerts; regulators see alerts.
            List<SseRecorder.Event> operatorEvents = operatorFeed.events();
            assertFalse(operatorEvents.isEmpty(), "the operator received no events");
            for (SseRecorder.Event event : operatorEvents) {
                assertEquals("aggregate", event.name());
                assertEquals("JP-13", ApiServer.JSON.readTree(event.data()).path("region").asText());
            }
            awaitEvent(regulatorFeed, "alert", "D1");

            DeadLetter letter = awaitDeadLetter(config);
            assertEquals(topics.graded.name(), letter.getSource());
            assertEquals("streams", letter.getStage());
            assertEquals("GARBAGE-LOT", letter.getKey());

            // Access rules hold on both instances, forwarded or not.
            for (StreamsInstance instance : List.of(a, b)) {
                JsonNode operatorView = instance.client.ok("/v1/aggregates/regions?window=all", OPERATOR_JP13);
                assertEquals(List.of("JP-13"), regions(operatorView));
                assertEquals(403, instance.client.get("/v1/aggregates/regions/JP-14", OPERATOR_JP13).status());
                assertEquals(200, instance.client.get("/v1/lots/" + lotOfS1, PLANT_S1).status());
                assertEquals(403, instance.client.get("/v1/lots/" + lotOfS2, PLANT_S1).status());
                assertEquals(403, instance.client.get("/v1/lots/" + lotOfS2 + "/readings", PLANT_S1).status());
                assertEquals(403, instance.client.get("/v1/alerts", OPERATOR_JP13).status());
                assertEquals(401, instance.client.get("/v1/lots/" + lotOfS1, null).status());
                assertEquals(404, instance.client.get("/v1/lots/LOT-NEVER", REGULATOR).status());
                assertEquals(400, instance.client.get("/v1/aggregates/regions?window=2h", REGULATOR).status());
            }
        }
    }

    private static JsonNode same(StreamsInstance a, StreamsInstance b, String path, String token) throws Exception {
        JsonNode fromA = a.client.ok(path, token);
        JsonNode fromB = b.client.ok(path, token);
        assertEquals(fromA, fromB, path);
        return fromA;
    }

    private static void awaitReadings(StreamsInstance instance, long expected) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        long counted = -1;
        while (Instant.now().isBefore(deadline)) {
            counted = sum(instance.client.ok("/v1/aggregates/regions?window=all", REGULATOR), "readings");
            if (counted == expected) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("counted " + counted + " readings, expected " + expected);
    }

    private static JsonNode awaitField(StreamsInstance instance, String path, String field) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            var answer = instance.client.get(path, REGULATOR);
            if (answer.status() == 200 && !answer.body().path(field).isMissingNode() && answer.body().path(field).asDouble(-1) != 0) {
                return answer.body().path(field);
            }
            Thread.sleep(300);
        }
        throw new AssertionError(path + " never had " + field);
    }

    private static void sendGarbage(ScrapTraceConfig config, String topic) throws Exception {
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(KafkaClients.producer(config, "garbage"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, "GARBAGE-LOT".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static DeadLetter awaitDeadLetter(ScrapTraceConfig config) {
        Topic<String, DeadLetter> topic = config.topics().deadLetter;
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, null),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, DeadLetter> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value();
                }
            }
        }
        throw new AssertionError("no dead letter written");
    }

    private static void awaitEvent(SseRecorder feed, String name, String declarationId) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (SseRecorder.Event event : feed.events()) {
                if (event.name().equals(name) && ApiServer.JSON.readTree(event.data()).path("declarationId").asText().equals(declarationId)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + name + " event for " + declarationId + " in " + feed.events());
    }

    private static long sum(JsonNode aggregates, String field) {
        long total = 0;
        for (JsonNode n : aggregates.path("aggregates")) {
            total += n.path(field).asLong();
        }
        return total;
    }

    private static List<String> regions(JsonNode aggregates) {
        List<String> regions = new ArrayList<>();
        aggregates.path("aggregates").forEach(n -> regions.add(n.path("region").asText()));
        return regions;
    }

    private static int activeTasks(StreamsInstance instance) {
        return instance.service.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }
}
