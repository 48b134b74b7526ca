package io.scraptrace.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.DeadLetter;
import io.scraptrace.avro.Frame;
import io.scraptrace.avro.Reading;
import io.scraptrace.ingest.IngestSettings;
import io.scraptrace.ingest.testing.Mosquitto;
import io.scraptrace.ingest.testing.Payloads;
import io.scraptrace.ingest.testing.SharedKafka;
import io.scraptrace.ingest.testing.TestIngest;
import io.scraptrace.ingest.testing.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** MQTT messages published with mosquitto_pub to a real Mosquitto reach Kafka through the bridge. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttBridgeIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String READINGS_TOPIC = "scraptrace/" + TestIngest.SITE + "/readings";

    @TempDir
    static Path dir;
    private Mosquitto mosquitto;
    private TestIngest ingest;
    private final Payloads payloads = new Payloads(11);

    @BeforeAll
    void start() {
        mosquitto = Mosquitto.start(dir);
        ingest = TestIngest.start(SharedKafka.bootstrapServers(), Map.of(IngestSettings.MQTT_URL, mosquitto.url(),
                "ingest.mqtt.client.id", "it-" + UUID.randomUUID()));
    }

    @AfterAll
    void stop() {
        if (ingest != null) {
            ingest.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private <V> List<V> awaitCommitted(io.scraptrace.schemas.topics.Topic<String, V> topic, Predicate<V> match, int count) {
        return TopicReader.committedEventually(ingest.bootstrapServers(), topic,
                values -> values.stream().filter(match).count() >= count, WAIT).stream().filter(match).toList();
    }

    @Test
    void ndjsonReadingsReachTheTopic() {
        mosquitto.publish(READINGS_TOPIC, payloads.ndjson("mqtt", TestIngest.SITE, "L-MQTT", 3));

        List<Reading> readings = awaitCommitted(ingest.topics().readings, r -> r.getLotId().equals("L-MQTT"), 3);

        assertEquals(List.of("mqtt-0", "mqtt-1", "mqtt-2"), readings.stream().map(Reading::getEventId).sorted().toList());
    }

    @Test
    void framesReachTheTopic() {
        mosquitto.publish("scraptrace/" + TestIngest.SITE + "/frames", payloads.frame("mqtt-frame", TestIngest.SITE, "L-MQTT-F").toString());

        List<Frame> frames = awaitCommitted(ingest.topics().frames, f -> f.getLotId().equals("L-MQTT-F"), 1);

        assertEquals("image/png", frames.get(0).getContentType());
    }

    @Test
    void badPayloadsAndForeignSitesAreDeadLettered() {
        mosquitto.publish(READINGS_TOPIC, "this is not json mqtt-garbage");
        mosquitto.publish(READINGS_TOPIC, payloads.reading("mqtt-foreign", TestIngest.OTHER_SITE, "L-MQTT-X").toString());
        mosquitto.publish(READINGS_TOPIC, payloads.reading("mqtt-after", TestIngest.SITE, "L-MQTT-X").toString());

        // Messages of one topic are handled in order: once the last is in, the others were dead-lettered.
        awaitCommitted(ingest.topics().readings, r -> r.getLotId().equals("L-MQTT-X"), 1);
        List<DeadLetter> letters = TopicReader.committed(ingest.bootstrapServers(), ingest.topics().deadLetter).stream()
                .filter(d -> d.getSource().equals("mqtt:" + READINGS_TOPIC)).toList();

        assertEquals(2, letters.size(), letters::toString);
        assertEquals("siteId", letters.get(1).getField());
        assertEquals(List.of("mqtt-after"), TopicReader.committed(ingest.bootstrapServers(), ingest.topics().readings).stream()
                .filter(r -> r.getLotId().equals("L-MQTT-X")).map(Reading::getEventId).toList());
    }
}
