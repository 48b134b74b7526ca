package io.scraptrace.streams.cases;

import static io.scraptrace.streams.testing.StreamsInstance.OPERATOR_JP13;
import static io.scraptrace.streams.testing.StreamsInstance.REGULATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.Case;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.testing.ApiClient.Answer;
import io.scraptrace.streams.testing.GradedFeed;
import io.scraptrace.streams.testing.Records;
import io.scraptrace.streams.testing.StreamsInstance;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case workflow and the reports on a real broker with two streams instances, so writes and
 * reads are forwarded between them: the history with who and when, a refused transition,
 * concurrent changes of one case, the statistics, and the CSV and JSON downloads.
 */
class CasesOnBrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String QUOTED_NOTE = "Inspected at the port, \"lot never existed\"\nsecond line";

    @TempDir
    Path dir;

    @Test
    void casesChangeWithAnAuditTrailAndReportsStreamFromBothInstances() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()));
            TopicCreator.ensureTopics(config);
            GradedFeed.register(config, List.of(Records.site("S1", "JP-13"), Records.site("S2", "JP-14")));
            Topics topics = config.topics();
            // Each declaration names a lot that never comes: UNTRACEABLE_LOTS once the (shortened) wait is over.
            Map<String, String> settings = Map.of("alerts.lot.wait.ms", "1000", "alerts.state.in.memory", "true");
            try (StreamsInstance a = StreamsInstance.start(kafka.bootstrapServers(), dir.resolve("a"), settings);
                 StreamsInstance b = StreamsInstance.start(kafka.bootstrapServers(), dir.resolve("b"), settings)) {
                a.awaitRunning(WAIT);
                b.awaitRunning(WAIT);
                Instant declared = Records.T0.plus(Duration.ofHours(6));
                try (KafkaProducer<String, GradedReading> graded = GradedFeed.producer(config, topics.graded);
                     KafkaProducer<String, ExportDeclaration> exports = GradedFeed.producer(config, topics.exports)) {
                    for (int i = 0; i < 6; i++) {
                        String site = i % 2 == 0 ? "S1" : "S2";
                        GradedReading reading = Records.graded("E" + i, site, "L-" + site, "FE_HS", 500 + i, Records.T0.plusSeconds(3600L * i));
                        graded.send(new ProducerRecord<>(topics.graded.name(), reading.getLotId(), reading)).get();
                    }
                    for (String id : List.of("D1", "D2", "D3", "D4")) {
                        // D4 comes from a yard nobody registered: UNREGISTERED_SITE as well.
                        ExportDeclaration d = Records.declaration(id, id.equals("D4") ? "S9" : "S1", Material.FERROUS, null, 800,
                                List.of("L-NEVER-" + id), declared);
                        exports.send(new ProducerRecord<>(topics.exports.name(), id, d)).get();
                    }
                }
                awaitAlerts(a, 4);

                JsonNode fresh = a.client.ok("/v1/alerts/D1", REGULATOR).path("case");
                assertEquals("OPEN", fresh.path("status").asText());
                assertEquals(0, fresh.path("history").size());

                Instant before = Instant.now();
                assertEquals(200, put(a, "D1", "INVESTIGATING", "send an inspector").status());
                assertEquals(200, put(b, "D1", "CONFIRMED", QUOTED_NOTE).status());
                assertEquals(200, put(b, "D2", "INVESTIGATING", "look").status());
                Answer cleared = put(a, "D2", "CLEARED", "papers in order");
                assertEquals(200, cleared.status());
                assertEquals("CLEARED", cleared.body().path("status").asText());
                Instant after = Instant.now();

                // Refused: a skipped step, a bad body, an unknown declaration, a non-regulator.
                Answer skipped = put(b, "D4", "CONFIRMED", "no investigation");
                assertEquals(409, skipped.status());
                assertEquals("status", skipped.body().path("details").get(0).path("field").asText());
                Answer bad = a.client.put("/v1/alerts/D4/case", REGULATOR, "{\"status\":\"DONE\",\"note\":\"  \"}");
                assertEquals(400, bad.status());
                assertEquals(List.of("status", "note"), fields(bad.body()));
                assertEquals(404, put(a, "D-UNKNOWN", "INVESTIGATING", "who?").status());
                assertEquals(403, b.client.put("/v1/alerts/D4/case", OPERATOR_JP13, "{\"status\":\"INVESTIGATING\",\"note\":\"x\"}").status());

                // Concurrent changes of one case from both instances: exactly one wins, none is lost.
                List<Integer> statuses = concurrently(8, i -> put(i % 2 == 0 ? a : b, "D3", "INVESTIGATING", "race " + i).status());
                assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
                assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());

                for (StreamsInstance instance : List.of(a, b)) {
                    JsonNode d1 = instance.client.ok("/v1/alerts/D1", REGULATOR).path("case");
                    assertEquals("CONFIRMED", d1.path("status").asText());
                    assertEquals(2, d1.path("history").size());
                    JsonNode change = d1.path("history").get(1);
                    assertEquals(QUOTED_NOTE, change.path("note").asText());
                    assertEquals("regulator", change.path("by").path("name").asText());
                    assertEquals("regulator", change.path("by").path("role").asText());
                    Instant at = Instant.parse(change.path("at").asText());
                    assertTrue(!at.isBefore(before.minusSeconds(1)) && !at.isAfter(after), at.toString());
                    assertEquals(1, instance.client.ok("/v1/alerts/D3", REGULATOR).path("case").path("history").size());
                    assertEquals(List.of("D1"), ids(instance.client.ok("/v1/alerts?caseStatus=CONFIRMED", REGULATOR)));
                    assertEquals(List.of("D4"), ids(instance.client.ok("/v1/alerts?caseStatus=OPEN", REGULATOR)));
                    assertEquals(400, instance.client.get("/v1/alerts?caseStatus=SHUT", REGULATOR).status());
                }
                Map<String, Case> topic = latestCases(config);
                assertEquals(List.of("send an inspector", QUOTED_NOTE), topic.get("D1").getHistory().stream().map(c -> c.getNote()).toList(),
                        "the latest record of a key holds the whole history");
                assertEquals(1, topic.get("D3").getHistory().size());

                JsonNode stats = a.client.ok("/v1/alerts/stats", REGULATOR);
                assertEquals(stats, b.client.ok("/v1/alerts/stats", REGULATOR));
                assertEquals(4, stats.path("alerts").asInt());
                assertEquals(Map.of("OPEN", 1, "INVESTIGATING", 1, "CONFIRMED", 1, "CLEARED", 1), counts(stats.path("byCaseStatus")));
                JsonNode untraceable = code(stats, "UNTRACEABLE_LOTS");
                assertEquals(4, untraceable.path("alerts").asInt());
                assertEquals(0.5, untraceable.path("confirmedShare").asDouble(), 1e-12);
                assertTrue(code(stats, "UNREGISTERED_SITE").path("confirmedShare").isNull());

                for (StreamsInstance instance : List.of(a, b)) {
                    HttpResponse<String> csv = instance.client.text("/v1/reports/alerts.csv", REGULATOR);
                    assertEquals(200, csv.statusCode());
                    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"scraptrace-alerts.csv\""));
                    List<List<String>> rows = parseCsv(csv.body());
                    List<String> header = rows.get(0);
                    assertEquals(5, rows.size(), "a header and one row per alert: " + rows);
                    Map<String, List<String>> byId = new TreeMap<>();
                    rows.subList(1, rows.size()).forEach(r -> byId.put(r.get(0), r));
                    assertEquals(List.of("D1", "D2", "D3", "D4"), List.copyOf(byId.keySet()));
                    assertEquals("CONFIRMED", byId.get("D1").get(header.indexOf("caseStatus")));
                    assertEquals(QUOTED_NOTE, byId.get("D1").get(header.indexOf("caseNote")));
                    assertTrue(csv.body().contains("\"Inspected at the port, \"\"lot never existed\"\"\nsecond line\""), "RFC 4180 quoting");
                    List<String> codes = List.of(byId.get("D4").get(header.indexOf("codes")).split(";"));
                    assertTrue(codes.containsAll(List.of("UNREGISTERED_SITE", "UNTRACEABLE_LOTS")), codes.toString());

                    JsonNode json = ApiServer.JSON.readTree(instance.client.text("/v1/reports/alerts.json?caseStatus=CLEARED", REGULATOR).body());
                    assertEquals(1, json.size());
                    assertEquals("D2", json.get(0).path("declarationId").asText());
                    assertEquals("papers in order", json.get(0).path("case").path("history").get(1).path("note").asText());

                    List<List<String>> hours = parseCsv(instance.client.text("/v1/reports/regions.csv?window=1h", REGULATOR).body());
                    List<String> columns = hours.get(0);
                    long readings = hours.subList(1, hours.size()).stream().mapToLong(r -> Long.parseLong(r.get(columns.indexOf("readings")))).sum();
                    assertEquals(6, readings, "the hourly windows of both regions hold every reading");
                    assertEquals(6, hours.size() - 1, "one reading per window");
                    JsonNode own = ApiServer.JSON.readTree(instance.client.text("/v1/reports/regions.json?window=1h", OPERATOR_JP13).body());
                    assertEquals(3, own.size());
                    own.forEach(n -> assertEquals("JP-13", n.path("region").asText()));
                    assertEquals(400, instance.client.text("/v1/reports/regions.csv?window=all", REGULATOR).statusCode());
                    assertEquals(403, instance.client.text("/v1/reports/alerts.csv", OPERATOR_JP13).statusCode());
                }
            }
        }
    }

    private static Answer put(StreamsInstance instance, String id, String status, String note) throws Exception {
        String body = ApiServer.JSON.createObjectNode().put("status", status).put("note", note).toString();
        return instance.client.put("/v1/alerts/" + id + "/case", REGULATOR, body);
    }

    private interface Attempt {
        int run(int i) throws Exception;
    }

    private static List<Integer> concurrently(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                results.add(pool.submit((Callable<Integer>) () -> attempt.run(index)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitAlerts(StreamsInstance instance, int expected) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        int count = -1;
        while (Instant.now().isBefore(deadline)) {
            count = instance.client.ok("/v1/alerts", REGULATOR).path("count").asInt();
            if (count == expected) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(count + " alerts, expected " + expected);
    }

    private static Map<String, Case> latestCases(ScrapTraceConfig config) {
        Topics topics = config.topics();
        Map<String, Case> latest = new HashMap<>();
        try (KafkaConsumer<String, Case> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, null),
                topics.cases.keySerde().deserializer(), topics.cases.valueSerde().deserializer())) {
            var partitions = consumer.partitionsFor(topics.cases.name()).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, Case> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("alerts").forEach(n -> ids.add(n.path("declarationId").asText()));
        return ids;
    }

    private static List<String> fields(JsonNode error) {
        List<String> fields = new ArrayList<>();
        error.path("details").forEach(d -> fields.add(d.path("field").asText()));
        return fields;
    }

    private static Map<String, Integer> counts(JsonNode byStatus) {
        Map<String, Integer> counts = new HashMap<>();
        byStatus.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    private static JsonNode code(JsonNode stats, String code) {
        for (JsonNode node : stats.path("codes")) {
            if (node.path("code").asText().equals(code)) {
                return node;
            }
        }
        throw new AssertionError("no " + code + " in " + stats);
    }

    /** An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertEquals(0, field.length() + row.size(), "every record ends with CRLF");
        return rows;
    }
}
