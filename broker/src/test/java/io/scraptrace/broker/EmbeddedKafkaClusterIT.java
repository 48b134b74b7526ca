package io.scraptrace.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three KRaft nodes on loopback: replication 3, min ISR 2, and writes survive losing a node. */
class EmbeddedKafkaClusterIT {
    @TempDir
    Path dataDir;

    @Test
    void replicatesContractTopicsAndKeepsServingWhenANodeStops() throws Exception {
        List<EmbeddedKafka> nodes = EmbeddedKafka.startCluster(dataDir, 3);
        try {
            String bootstrap = nodes.stream().map(EmbeddedKafka::bootstrapServers).collect(Collectors.joining(","));
            ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, bootstrap,
                    ScrapTraceConfig.TOPIC_REPLICATION, "3", ScrapTraceConfig.TOPIC_MIN_ISR, "2"));
            TopicCreator.ensureTopics(config);
            String topic = config.topics().readings.name();
            try (Admin admin = Admin.create(KafkaClients.admin(config))) {
                var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
                partitions.forEach(p -> assertEquals(3, p.replicas().size(), "partition " + p.partition()));
            }

            nodes.get(2).close();
            Properties producerProps = KafkaClients.producer(config, "cluster-it");
            try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 60; i++) {
                    producer.send(new ProducerRecord<>(topic, "lot-" + i, "v" + i)).get();
                }
            }
            assertEquals(60, countRecords(config, topic), "acks=all writes succeed with 2 of 3 replicas in sync");
        } finally {
            EmbeddedKafka.closeAll(nodes);
        }
    }

    private static int countRecords(ScrapTraceConfig config, String topic) {
        try (var consumer = new KafkaConsumer<>(KafkaClients.consumer(config, null), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int count = 0;
            long deadline = System.currentTimeMillis() + 30_000;
            while (count < 60 && System.currentTimeMillis() < deadline) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }
}
