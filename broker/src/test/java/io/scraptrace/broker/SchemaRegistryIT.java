package io.scraptrace.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scraptrace.avro.Reading;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.schemas.registry.RegistryAvroSerde;
import io.scraptrace.schemas.registry.SchemaRegistryClient;
import io.scraptrace.schemas.registry.SchemaRegistryException;
import io.scraptrace.schemas.serde.AvroSerde;
import io.scraptrace.schemas.serde.SchemaHistory;
import io.scraptrace.schemas.topics.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.RandomData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code schema.registry.url} set, every contract topic's values go through a real
 * Confluent-compatible registry (Apicurio Registry 3's {@code /apis/ccompat/v7}) against the
 * embedded broker: records of every type round-trip, the bytes on the topic carry the id the
 * registry holds for the topic's subject, older writer schemas and single-object records still
 * decode, and once the subject's compatibility is BACKWARD the registry refuses a change that
 * breaks it while taking one that keeps it.
 */
class SchemaRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int RECORDS_PER_TOPIC = 3;

    @TempDir
    static Path dir;
    static SchemaRegistryServer registry;
    static EmbeddedKafka kafka;
    static ScrapTraceConfig config;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> java = SchemaRegistryServer.java();
        assumeTrue(java.isPresent(), "SchemaRegistryIT skipped: no Java " + SchemaRegistryServer.MIN_JAVA
                + "+ under /usr/lib/jvm and SCRAPTRACE_REGISTRY_JAVA unset (Apicurio Registry 3 needs it; .ci/run installs one where Debian has it)");
        assertTrue(Files.isRegularFile(SchemaRegistryServer.home().resolve("quarkus-run.jar")),
                "the build unpacks Apicurio Registry into " + SchemaRegistryServer.home() + " (process-test-resources)");
        // The two servers start side by side: each takes seconds.
        CompletableFuture<SchemaRegistryServer> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return SchemaRegistryServer.start(java.get(), dir.resolve("logs"));
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        try {
            kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        } finally {
            registry = starting.join();
        }
        config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                ScrapTraceConfig.SCHEMA_REGISTRY_URL, registry.ccompatUrl()));
        TopicCreator.ensureTopics(config);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void everyContractTopicRoundTripsThroughTheRegistry() throws Exception {
        // Values are serialized with each topic's serde, as ingest and the sorter do, and read back
        // as raw bytes in one pass over every topic so the wire format can be checked too.
        Map<String, List<? extends SpecificRecord>> sent = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(config, "registry-it"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Topic<String, ? extends SpecificRecord> topic : config.topics().all()) {
                sent.put(topic.name(), produce(producer, topic));
            }
        }
        Map<String, List<byte[]>> received = readAll();
        for (Topic<String, ? extends SpecificRecord> topic : config.topics().all()) {
            List<byte[]> raw = received.getOrDefault(topic.name(), List.of());
            assertEquals(sent.get(topic.name()), raw.stream().map(bytes -> topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).toList(),
                    topic + ": what was written is read back");
            Schema current = SpecificData.get().getSchema(sent.get(topic.name()).get(0).getClass());
            String lookup = JSON.createObjectNode().put("schema", current.toString()).toString();
            int registered = post("/subjects/" + RegistryAvroSerde.subject(topic.name()), lookup).path("id").asInt();
            for (byte[] bytes : raw) {
                assertEquals(0, bytes[0], topic + ": Confluent wire format magic byte");
                assertEquals(registered, ByteBuffer.wrap(bytes, 1, 4).getInt(), topic + ": the id the registry holds for the subject");
            }
            Schema stored = new Schema.Parser().parse(get("/schemas/ids/" + registered).path("schema").asText());
            assertEquals(current, stored, topic + ": the registry holds the current schema");
        }
    }

    private static <V extends SpecificRecord> List<V> produce(KafkaProducer<String, byte[]> producer, Topic<String, V> topic) throws Exception {
        assertTrue(topic.valueSerde() instanceof RegistryAvroSerde, topic + " serde follows schema.registry.url");
        List<V> records = randomRecords(topic);
        for (int i = 0; i < records.size(); i++) {
            // One partition keeps the order the comparison relies on.
            producer.send(new ProducerRecord<>(topic.name(), 0, "k-" + i, topic.valueSerde().serializer().serialize(topic.name(), records.get(i))));
        }
        producer.flush();
        return records;
    }

    @Test
    void olderWriterSchemasAndSingleObjectRecordsStillDecode() throws Exception {
        Topic<String, Reading> readings = config.topics().readings;
        SchemaRegistryClient client = new SchemaRegistryClient(registry.ccompatUrl());
        Schema v1 = SchemaHistory.versionsOf(Reading.getClassSchema().getFullName()).get(0);
        GenericRecord old = (GenericRecord) new RandomData(v1, 1, 7L).iterator().next();
        byte[] framed = frame(client.register(RegistryAvroSerde.subject(readings.name()), v1), v1, old);

        Reading read = readings.valueSerde().deserializer().deserialize(readings.name(), framed);
        assertEquals(old.get("eventId").toString(), read.getEventId());
        assertEquals(old.get("massKg"), read.getMassKg());
        assertNull(read.getReceivedAt(), "a field v1 lacks takes its default");

        Reading embedded = EmbeddedKafkaIT.reading("e-embedded", 0.2);
        byte[] singleObject = new AvroSerde<>(Reading.class).serialize(readings.name(), embedded);
        assertEquals(embedded, readings.valueSerde().deserializer().deserialize(readings.name(), singleObject),
                "records written before the registry was switched on");
    }

    @Test
    void theRegistryRefusesAChangeThatBreaksBackwardCompatibility() throws Exception {
        String subject = RegistryAvroSerde.subject(config.topics().labels.name());
        SchemaRegistryClient client = new SchemaRegistryClient(registry.ccompatUrl());
        Schema current = io.scraptrace.avro.Label.getClassSchema();
        int currentId = client.register(subject, current);
        assertEquals("BACKWARD", put("/config/" + subject, "{\"compatibility\":\"BACKWARD\"}").path("compatibility").asText());

        // A new required field: readers of the new schema could not read the records already written.
        Schema breaking = withField(current, new Schema.Field("inspectorBadge", Schema.create(Schema.Type.STRING), "badge", null));
        SchemaRegistryException refused = assertThrows(SchemaRegistryException.class, () -> client.register(subject, breaking));
        assertEquals(409, refused.status(), refused.getMessage());
        assertTrue(refused.getMessage().contains("inspectorBadge"), refused.getMessage());

        // The same field optional with a default is what the schema rules of this project ask for: taken.
        Schema nullableString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        Schema compatible = withField(current, new Schema.Field("inspectorBadge", nullableString, "badge", JsonProperties.NULL_VALUE));
        assertNotEquals(currentId, client.register(subject, compatible));
        assertEquals(2, get("/subjects/" + subject + "/versions").size(), "the refused change left no version behind");
    }

    private static <V extends SpecificRecord> List<V> randomRecords(Topic<String, V> topic) throws IOException {
        // RandomData makes generic records (timestamps as longs); a binary round trip turns them
        // into the generated class with its logical types.
        @SuppressWarnings("unchecked")
        Class<V> type = (Class<V>) ((RegistryAvroSerde<V>) topic.valueSerde()).type();
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        SpecificDatumReader<V> reader = new SpecificDatumReader<>(schema, schema, model);
        List<V> records = new ArrayList<>();
        for (Object generic : new RandomData(schema, RECORDS_PER_TOPIC, topic.name().hashCode())) {
            byte[] body = body(schema, (GenericRecord) generic);
            records.add(reader.read(null, DecoderFactory.get().binaryDecoder(body, null)));
        }
        return records;
    }

    private static byte[] frame(int id, Schema schema, GenericRecord record) throws IOException {
        byte[] body = body(schema, record);
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(id).put(body).array();
    }

    private static byte[] body(Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema, GenericData.get()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema withField(Schema record, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(extra);
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    private static Map<String, List<byte[]>> readAll() {
        int expected = RECORDS_PER_TOPIC * config.topics().all().size();
        Map<String, List<byte[]>> got = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, null),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = config.topics().all().stream().map(t -> new TopicPartition(t.name(), 0)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            int count = 0;
            while (count < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    got.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record.value());
                    count++;
                }
            }
        }
        return got;
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + path)).GET());
    }

    private static JsonNode put(String path, String body) throws IOException, InterruptedException {
        return send(json(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder json(String path) {
        return HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + path)).header("Content-Type", "application/vnd.schemaregistry.v1+json");
    }

    private static JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
