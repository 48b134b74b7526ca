package io.scraptrace.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.schemas.topics.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker is a real broker: topics, configs, Avro round trips and restarts. */
class EmbeddedKafkaIT {
    @TempDir
    Path dataDir;

    @Test
    void createsContractTopicsWithTheirConfigsIdempotently() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()));
            List<String> created = TopicCreator.ensureTopics(config);
            assertEquals(config.topics().all().size(), created.size());
            assertTrue(TopicCreator.ensureTopics(config).isEmpty(), "second run creates nothing");

            try (Admin admin = Admin.create(KafkaClients.admin(config))) {
                Set<String> names = config.topics().all().stream().map(Topic::name).collect(Collectors.toSet());
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
                for (Topic<?, ?> topic : config.topics().all()) {
                    assertEquals(topic.partitions(), described.get(topic.name()).partitions().size(), topic.name());
                }
                ConfigResource sites = new ConfigResource(ConfigResource.Type.TOPIC, config.topics().sites.name());
                ConfigResource readings = new ConfigResource(ConfigResource.Type.TOPIC, config.topics().readings.name());
                Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(sites, readings)).all().get();
                assertEquals("compact", configs.get(sites).get("cleanup.policy").value());
                assertEquals("delete", configs.get(readings).get("cleanup.policy").value());
                assertEquals(String.valueOf(Duration.ofDays(30).toMillis()), configs.get(readings).get("retention.ms").value());
            }
        }
    }

    @Test
    void avroReadingsSurviveTheRoundTripAndABrokerRestart() {
        List<Reading> sent = List.of(reading("e-1", 0.18), reading("e-2", 0.41));
        String firstBootstrap;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            firstBootstrap = kafka.bootstrapServers();
            ScrapTraceConfig config = config(kafka);
            TopicCreator.ensureTopics(config);
            Topic<String, Reading> topic = config.topics().readings;
            try (KafkaProducer<String, Reading> producer = new KafkaProducer<>(KafkaClients.producer(config, "it"),
                    topic.keySerde().serializer(), topic.valueSerde().serializer())) {
                for (Reading r : sent) {
                    producer.send(new ProducerRecord<>(topic.name(), r.getLotId(), r));
                }
                producer.flush();
            }
            assertEquals(sent, readAll(config, topic, sent.size()));
        }
        // Same data dir, new process-level start: the records are still there.
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            ScrapTraceConfig config = config(kafka);
            assertEquals(sent, readAll(config, config.topics().readings, sent.size()),
                    "records written before restart (first broker at " + firstBootstrap + ")");
        }
    }

    private static ScrapTraceConfig config(EmbeddedKafka kafka) {
        return ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()));
    }

    private static List<Reading> readAll(ScrapTraceConfig config, Topic<String, Reading> topic, int expected) {
        List<Reading> got = new ArrayList<>();
        try (KafkaConsumer<String, Reading> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, null),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (got.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, Reading> record : consumer.poll(Duration.ofMillis(200))) {
                    assertEquals(record.value().getLotId(), record.key());
                    got.add(record.value());
                }
            }
        }
        got.sort((a, b) -> a.getEventId().compareTo(b.getEventId()));
        return got;
    }

    static Reading reading(String eventId, double cu) {
        return Reading.newBuilder()
                .setEventId(eventId).setSiteId("S-TKY-01").setStationId("XRF-2").setLotId("L-" + eventId)
                .setTimestamp(Instant.parse("2026-11-25T03:04:05.678Z")).setSensor(Sensor.XRF).setMassKg(12.5)
                .setComposition(Map.of("Fe", 98.7, "Cu", cu, "Sn", 0.012))
                .setDensityGcc(7.84).setMagneticFraction(0.99).setThicknessMm(8.0).setMoisturePct(null).setFrameId("f-9")
                .setReceivedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
