package io.scraptrace.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.DeadLetter;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Frame;
import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Site;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.ingest.IngestSettings;
import io.scraptrace.ingest.testing.HttpReply;
import io.scraptrace.ingest.testing.IngestClient;
import io.scraptrace.ingest.testing.Payloads;
import io.scraptrace.ingest.testing.SharedKafka;
import io.scraptrace.ingest.testing.TestIngest;
import io.scraptrace.ingest.testing.TopicReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The HTTP endpoints against a real broker: round trips and every rejection path. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpIngestIT {
    private static final int MAX_BODY = 256 * 1024;
    private static final int MAX_ITEMS = 100;
    private static final String NDJSON = "application/x-ndjson";
    private static final String JSON = "application/json";

    private TestIngest ingest;
    private IngestClient client;
    private final Payloads payloads = new Payloads(42);

    @BeforeAll
    void start() {
        ingest = TestIngest.start(SharedKafka.bootstrapServers(), Map.of("ingest.max.body.bytes", String.valueOf(MAX_BODY),
                "ingest.max.items", String.valueOf(MAX_ITEMS)));
        client = ingest.client();
    }

    @AfterAll
    void stop() {
        ingest.close();
    }

    private List<Reading> readingsOfLot(String lotId) {
        return TopicReader.committed(ingest.bootstrapServers(), ingest.topics().readings).stream()
                .filter(r -> r.getLotId().equals(lotId)).toList();
    }

    /**
     * The dead letters whose payload holds {@code marker}, once there are any: a commit is
     * acknowledged before its markers reach the partitions, so a read_committed read right after
     * the reply may still end short of them.
     */
    private List<DeadLetter> deadLettersContaining(String marker) {
        return TopicReader.committedEventually(ingest.bootstrapServers(), ingest.topics().deadLetter,
                        letters -> letters.stream().anyMatch(d -> text(d.getPayload()).contains(marker)), Duration.ofSeconds(10))
                .stream().filter(d -> text(d.getPayload()).contains(marker)).toList();
    }

    private static String text(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<String> fields(JsonNode errors) {
        return StreamSupport.stream(errors.spliterator(), false).map(e -> e.path("index").asText() + ":" + e.path("field").asText()).toList();
    }

    @Test
    void arrayOfReadingsReachesTheTopicKeyedByLot() {
        List<ObjectNode> items = List.of(payloads.reading("rt-1", TestIngest.SITE, "L-RT"),
                payloads.reading("rt-2", TestIngest.SITE, "L-RT"), payloads.reading("rt-3", TestIngest.SITE, "L-RT"));

        HttpReply reply = client.post("/v1/readings", TestIngest.PLANT_TOKEN, JSON, Payloads.array(items));

        assertEquals(202, reply.status(), reply::toString);
        assertEquals(3, reply.body().get("accepted").intValue());
        assertEquals(0, reply.body().get("rejected").intValue());
        List<ConsumerRecord<String, Reading>> records = TopicReader.committedRecords(ingest.bootstrapServers(), ingest.topics().readings)
                .stream().filter(r -> r.value().getLotId().equals("L-RT")).toList();
        assertEquals(List.of("rt-1", "rt-2", "rt-3"), records.stream().map(r -> r.value().getEventId()).sorted().toList());
        records.forEach(r -> assertEquals("L-RT", r.key()));
        records.forEach(r -> assertNotNull(r.value().getReceivedAt()));
        assertEquals(items.get(0).get("massKg").doubleValue(),
                records.stream().filter(r -> r.value().getEventId().equals("rt-1")).findFirst().orElseThrow().value().getMassKg());
    }

    @Test
    void invalidItemsAreReportedAndDeadLetteredWhileValidOnesAreAccepted() {
        ObjectNode missingMass = payloads.reading("bad-mass", TestIngest.SITE, "L-MIX");
        missingMass.remove("massKg");
        ObjectNode overComposition = payloads.reading("bad-sum", TestIngest.SITE, "L-MIX");
        overComposition.putObject("composition").put("Fe", 80).put("Cu", 30);
        String body = String.join("\n",
                payloads.reading("good-1", TestIngest.SITE, "L-MIX").toString(),
                missingMass.toString(),
                payloads.reading("bad-fraction", TestIngest.SITE, "L-MIX").put("magneticFraction", 2.0).toString(),
                overComposition.toString(),
                "{\"eventId\": \"bad-json\", \"massKg\": ");

        HttpReply reply = client.post("/v1/readings", TestIngest.PLANT_TOKEN, NDJSON, body);

        assertEquals(202, reply.status(), reply::toString);
        assertEquals(1, reply.body().get("accepted").intValue());
        assertEquals(4, reply.body().get("rejected").intValue());
        assertEquals(List.of("1:massKg", "2:magneticFraction", "3:composition", "4:"), fields(reply.body().get("errors")));
        assertEquals(List.of("good-1"), readingsOfLot("L-MIX").stream().map(Reading::getEventId).toList());
        List<DeadLetter> letters = deadLettersContaining("bad-");
        assertEquals(4, letters.size());
        letters.forEach(d -> assertEquals("http:/v1/readings", d.getSource()));
        letters.forEach(d -> assertEquals("ingest", d.getStage()));
        DeadLetter fraction = letters.stream().filter(d -> "magneticFraction".equals(d.getField())).findFirst().orElseThrow();
        assertEquals(2, fraction.getIndex());
        assertEquals(body.split("\n")[2], text(fraction.getPayload()));
        assertTrue(letters.stream().anyMatch(d -> d.getReason().startsWith("malformed JSON")));
    }

    @Test
    void malformedSingleBodyIsRejectedWith400AndDeadLettered() {
        HttpReply reply = client.post("/v1/readings", TestIngest.PLANT_TOKEN, JSON, "{\"eventId\": \"malformed-single\",");

        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.body().get("details").get(0).get("reason").textValue().startsWith("malformed JSON"));
        assertEquals(1, deadLettersContaining("malformed-single").size());
    }

    @Test
    void resentEventIdIsAcceptedButPublishedOnce() {
        String reading = payloads.reading("dup-1", TestIngest.SITE, "L-DUP").toString();

        HttpReply first = client.post("/v1/readings", TestIngest.PLANT_TOKEN, JSON, reading);
        HttpReply again = client.post("/v1/readings", TestIngest.PLANT_TOKEN, JSON, reading);
        HttpReply twiceInOneBatch = client.post("/v1/readings", TestIngest.PLANT_TOKEN, NDJSON,
                payloads.reading("dup-2", TestIngest.SITE, "L-DUP") + "\n" + payloads.reading("dup-2", TestIngest.SITE, "L-DUP"));

        assertEquals(0, first.body().get("duplicates").intValue(), first::toString);
        assertEquals(1, again.body().get("accepted").intValue(), again::toString);
        assertEquals(1, again.body().get("duplicates").intValue());
        assertEquals(2, twiceInOneBatch.body().get("accepted").intValue());
        assertEquals(1, twiceInOneBatch.body().get("duplicates").intValue());
        assertEquals(List.of("dup-1", "dup-2"), readingsOfLot("L-DUP").stream().map(Reading::getEventId).sorted().toList());
    }

    @Test
    void plantCannotPostForAnotherSiteAndNothingOfThatRequestIsTaken() {
        String body = payloads.reading("own-site", TestIngest.SITE, "L-SCOPE") + "\n"
                + payloads.reading("foreign-site", TestIngest.OTHER_SITE, "L-SCOPE");

        HttpReply reply = client.post("/v1/readings", TestIngest.PLANT_TOKEN, NDJSON, body);

        assertEquals(403, reply.status(), reply::toString);
        assertEquals(List.of("1:siteId"), fields(reply.body().get("details")));
        assertEquals(List.of(), readingsOfLot("L-SCOPE"));
        assertEquals(202, client.post("/v1/readings", TestIngest.OTHER_PLANT_TOKEN, JSON,
                payloads.reading("osa-own", TestIngest.OTHER_SITE, "L-SCOPE").toString()).status());
    }

    @Test
    void tokensAndRolesAreEnforced() {
        String reading = payloads.reading("auth-1", TestIngest.SITE, "L-AUTH").toString();

        assertEquals(401, client.post("/v1/readings", null, JSON, reading).status());
        assertEquals(401, client.post("/v1/readings", "not-a-token", JSON, reading).status());
        assertEquals(403, client.post("/v1/readings", TestIngest.OPERATOR_TOKEN, JSON, reading).status());
        assertEquals(403, client.post("/v1/exports", TestIngest.PLANT_TOKEN, JSON, "{}").status());
        assertEquals(403, client.put("/v1/sites/" + TestIngest.SITE, TestIngest.PLANT_TOKEN, "{}").status());
        assertEquals(List.of(), readingsOfLot("L-AUTH"));
    }

    @Test
    void oversizedBodyIsRefusedWith413WhetherItsLengthIsAnnouncedOrNot() {
        String big = payloads.ndjson("big", TestIngest.SITE, "L-BIG", 2000);
        assertTrue(big.length() > MAX_BODY);
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);

        HttpReply announced = client.post("/v1/readings", TestIngest.PLANT_TOKEN, NDJSON, big);
        HttpReply chunked = client.post("/v1/readings", TestIngest.PLANT_TOKEN, NDJSON,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));

        assertEquals(413, announced.status(), announced::toString);
        assertEquals(413, chunked.status(), chunked::toString);
        assertEquals(List.of(), readingsOfLot("L-BIG"));
    }

    @Test
    void tooManyItemsIsRefusedWith413AndNothingIsTaken() {
        String items = payloads.ndjson("many", TestIngest.SITE, "L-MANY", MAX_ITEMS + 1);

        HttpReply reply = client.post("/v1/readings", TestIngest.PLANT_TOKEN, NDJSON, items);

        assertEquals(413, reply.status(), reply::toString);
        assertEquals(List.of(), readingsOfLot("L-MANY"));
    }

    @Test
    void emptyBodyIs400() {
        assertEquals(400, client.post("/v1/readings", TestIngest.PLANT_TOKEN, JSON, "  \n").status());
    }

    @Test
    void framesArriveAsJsonOrMultipartWithTheirImageIntact() {
        ObjectNode jsonFrame = payloads.frame("frame-json", TestIngest.SITE, "L-FRAME");
        ObjectNode multipartFrame = payloads.frame("frame-multipart", TestIngest.SITE, "L-FRAME");

        HttpReply json = client.post("/v1/frames", TestIngest.PLANT_TOKEN, JSON, jsonFrame.toString());
        HttpReply multipart = postMultipart(multipartFrame);

        assertEquals(202, json.status(), json::toString);
        assertEquals(202, multipart.status(), multipart::toString);
        List<Frame> frames = TopicReader.committed(ingest.bootstrapServers(), ingest.topics().frames).stream()
                .filter(f -> f.getLotId().equals("L-FRAME")).toList();
        assertEquals(2, frames.size());
        for (Frame frame : frames) {
            ObjectNode sent = frame.getEventId().equals("frame-json") ? jsonFrame : multipartFrame;
            assertEquals("image/png", frame.getContentType());
            assertArrayEquals(Payloads.image(sent), bytes(frame.getImage()));
        }
    }

    @Test
    void exportsAndSitesAreAcceptedFromRegulators() {
        ObjectNode declaration = io.scraptrace.schemas.json.AvroJson.MAPPER.createObjectNode()
                .put("declarationId", "D-IT-1").put("exporterId", "EX-1").put("siteId", TestIngest.SITE).put("port", "JP-14")
                .put("hsCode", "7204.49").put("declaredMaterial", "FERROUS").put("massKg", 24000).put("valueJpy", 1.1e6)
                .put("destination", "VN").put("timestamp", "2026-11-25T10:00:00Z");
        declaration.putArray("lotIds").add("L-RT");
        String site = "{\"name\": \"Tokyo Bay Yard\", \"region\": \"JP-13\", \"type\": \"YARD\", \"licensed\": true}";

        HttpReply exported = client.post("/v1/exports", TestIngest.REGULATOR_TOKEN, JSON, declaration.toString());
        HttpReply registered = client.put("/v1/sites/S-IT-SITE", TestIngest.REGULATOR_TOKEN, site);
        HttpReply mismatched = client.put("/v1/sites/S-IT-OTHER", TestIngest.REGULATOR_TOKEN,
                "{\"siteId\": \"S-IT-SITE\", \"name\": \"x\", \"region\": \"JP-13\", \"type\": \"YARD\", \"licensed\": true}");

        assertEquals(202, exported.status(), exported::toString);
        assertEquals(202, registered.status(), registered::toString);
        assertEquals(400, mismatched.status(), mismatched::toString);
        ConsumerRecord<String, ExportDeclaration> export = TopicReader.committedRecords(ingest.bootstrapServers(), ingest.topics().exports)
                .stream().filter(r -> r.key().equals("D-IT-1")).findFirst().orElseThrow();
        assertEquals(List.of("L-RT"), export.value().getLotIds());
        List<Site> sites = TopicReader.committed(ingest.bootstrapServers(), ingest.topics().sites);
        assertEquals(List.of("S-IT-SITE"), sites.stream().map(Site::getSiteId).toList());
        assertEquals("JP-13", sites.get(0).getRegion());
    }

    @Test
    void everyTransactionalProducerPublishesItsKafkaClientMetrics() throws Exception {
        String metrics = client.http().send(client.request("/metrics", null).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher sends = Pattern.compile("(?m)^kafka_producer_record_send_total\\{[^}]*client_id=\"(scraptrace-ingest-[^\"]+)\"").matcher(metrics);
        Set<String> producers = new HashSet<>();
        while (sends.find()) {
            producers.add(sends.group(1));
        }
        assertEquals(IngestSettings.from(ScrapTraceConfig.of(Map.of())).producers(), producers.size(), "one series per pooled producer: " + producers);
    }

    @Test
    void healthIsUp() {
        HttpReply health = client.get("/health");

        assertEquals(200, health.status(), health::toString);
        assertEquals("UP", health.body().get("status").textValue());
    }

    private HttpReply postMultipart(ObjectNode frame) {
        String boundary = "----scraptrace-it";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String field : List.of("eventId", "siteId", "stationId", "lotId", "timestamp")) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n"
                    + frame.get(field).textValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"frame.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Payloads.image(frame));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.post("/v1/frames", TestIngest.PLANT_TOKEN, "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
