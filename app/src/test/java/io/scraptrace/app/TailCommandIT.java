package io.scraptrace.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.schemas.topics.Topic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tail} prints what the project produced as the contract's JSON. */
class TailCommandIT {
    @TempDir
    Path dataDir;

    @Test
    void printsAnAvroReadingAsTheSameJson() throws Exception {
        Reading reading = Reading.newBuilder()
                .setEventId("ev-42").setSiteId("S-AIC-03").setStationId("LIBS-1").setLotId("L-900")
                .setTimestamp(Instant.parse("2026-11-25T08:15:30.250Z")).setSensor(Sensor.LIBS).setMassKg(0.75)
                .setComposition(Map.of("Ni", 20.5, "Co", 6.25, "Li", 3.5)).setDensityGcc(1.6).setMagneticFraction(0.01)
                .setThicknessMm(null).setMoisturePct(1.5).setFrameId(null).setReceivedAt(Instant.parse("2026-11-25T08:15:31Z"))
                .build();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()));
            TopicCreator.ensureTopics(config);
            Topic<String, Reading> topic = config.topics().readings;
            try (var producer = new KafkaProducer<>(KafkaClients.producer(config, "tail-it"), topic.keySerde().serializer(), topic.valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(topic.name(), reading.getLotId(), reading)).get();
            }

            String printed = runTail(kafka.bootstrapServers(), topic.name());

            JsonNode json = AvroJson.MAPPER.readTree(printed);
            assertEquals(AvroJson.toJson(reading), json);
            assertEquals("2026-11-25T08:15:30.250Z", json.get("timestamp").asText());
            assertEquals(6.25, json.get("composition").get("Co").asDouble());
            assertEquals("LIBS", json.get("sensor").asText());
            assertEquals(true, json.get("thicknessMm").isNull());
        }
    }

    private static String runTail(String bootstrap, String topic) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new TailCommand()).execute(topic, "--from-beginning", "--max", "1", "--bootstrap-servers", bootstrap);
            assertEquals(0, code);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).strip();
    }
}
