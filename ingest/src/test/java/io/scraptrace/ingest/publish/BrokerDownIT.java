package io.scraptrace.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Reading;
import io.scraptrace.broker.BrokerOptions;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.ingest.IngestSettings;
import io.scraptrace.ingest.testing.HttpReply;
import io.scraptrace.ingest.testing.Mosquitto;
import io.scraptrace.ingest.testing.Payloads;
import io.scraptrace.ingest.testing.TestIngest;
import io.scraptrace.ingest.testing.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With Kafka gone, HTTP requests are answered 503 within a bounded time and none of them is taken;
 * MQTT messages stay unacknowledged at the MQTT broker and arrive, once, when Kafka is back.
 */
class BrokerDownIT {
    @TempDir
    Path dataDir;

    @Test
    void brokerDownMeans503AndNothingAcceptedThenRecovery() {
        Payloads payloads = new Payloads(3);
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir);
        String bootstrap = kafka.bootstrapServers();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (TestIngest ingest = TestIngest.start(bootstrap, Map.of("ingest.kafka.timeout.ms", "3000"))) {
            assertEquals(202, post(ingest, payloads.ndjson("before", TestIngest.SITE, "L-DOWN", 5)).status());

            kafka.close();
            long started = System.nanoTime();
            HttpReply down = post(ingest, payloads.ndjson("during", TestIngest.SITE, "L-DOWN", 5));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            System.out.println("503 with the broker down after " + took.toMillis() + " ms");
            assertEquals(503, down.status(), down::toString);
            assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "503 took " + took);
            assertEquals(503, ingest.client().get("/health").status());

            kafka = EmbeddedKafka.start(dataDir, new BrokerOptions("127.0.0.1", port, "127.0.0.1"));
            HttpReply after = retryUntilAccepted(ingest, payloads.ndjson("after", TestIngest.SITE, "L-DOWN", 5));
            assertEquals(202, after.status(), after::toString);

            List<String> committed = TopicReader.committed(bootstrap, ingest.topics().readings).stream()
                    .map(Reading::getEventId).map(id -> id.substring(0, id.indexOf('-'))).distinct().sorted().toList();
            assertEquals(List.of("after", "before"), committed);
            assertEquals(200, ingest.client().get("/health").status());
        } finally {
            kafka.close();
        }
    }

    @Test
    void mqttMessagesPublishedWhileKafkaIsDownArriveOnceAfterItReturns() throws Exception {
        Payloads payloads = new Payloads(4);
        Path kafkaDir = dataDir.resolve("kafka-mqtt");
        try (Mosquitto mosquitto = Mosquitto.start(Files.createDirectories(dataDir.resolve("mosquitto")))) {
            EmbeddedKafka kafka = EmbeddedKafka.start(kafkaDir);
            String bootstrap = kafka.bootstrapServers();
            int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
            try (TestIngest ingest = TestIngest.start(bootstrap, Map.of("ingest.kafka.timeout.ms", "3000",
                    IngestSettings.MQTT_URL, mosquitto.url(), "ingest.mqtt.client.id", "it-" + UUID.randomUUID()))) {
                kafka.close();
                mosquitto.publish("scraptrace/" + TestIngest.SITE + "/readings", payloads.ndjson("outage", TestIngest.SITE, "L-OUTAGE", 3));
                // Let the bridge fail on it at least once before Kafka comes back.
                Thread.sleep(5000);

                kafka = EmbeddedKafka.start(kafkaDir, new BrokerOptions("127.0.0.1", port, "127.0.0.1"));
                List<String> eventIds = TopicReader.committedEventually(bootstrap, ingest.topics().readings,
                        readings -> readings.size() >= 3, Duration.ofSeconds(90)).stream().map(Reading::getEventId).sorted().toList();

                assertEquals(List.of("outage-0", "outage-1", "outage-2"), eventIds);
            } finally {
                kafka.close();
            }
        }
    }

    private static HttpReply post(TestIngest ingest, String ndjson) {
        return ingest.client().post("/v1/readings", TestIngest.PLANT_TOKEN, "application/x-ndjson", ndjson);
    }

    private static HttpReply retryUntilAccepted(TestIngest ingest, String ndjson) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpReply reply = post(ingest, ndjson);
        while (reply.status() == 503 && System.nanoTime() < deadline) {
            reply = post(ingest, ndjson);
        }
        return reply;
    }
}
