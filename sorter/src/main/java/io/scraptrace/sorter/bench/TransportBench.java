package io.scraptrace.sorter.bench;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.sorter.service.SorterClients;
import io.scraptrace.sorter.service.SorterSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The transport's own limit: the sorter's consume -> transactional produce cycle with the model
 * and serialisation taken out (records are copied byte for byte), on the same records and with
 * the same client settings and batch size.
 */
final class TransportBench {
    private TransportBench() {
    }

    /** Write {@code records} (acks=all, idempotent) and wait for every ack. */
    static void produce(ScrapTraceConfig config, List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(config, "bench-loader"),
                new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** Create a plain topic to copy into, partitioned like the input. */
    static void createTopic(ScrapTraceConfig config, String name, int partitions)
            throws ExecutionException, InterruptedException {
        short replication = (short) config.getInt(ScrapTraceConfig.TOPIC_REPLICATION, 1);
        try (Admin admin = Admin.create(KafkaClients.admin(config))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, replication))).all().get();
        }
    }

    /** Copy {@code expected} records from {@code source} to {@code sink} with the sorter's client settings and batch size. */
    static LatencyRecorder copy(ScrapTraceConfig config, String source, String sink, long expected, Duration timeout) {
        String id = "copy-" + UUID.randomUUID();
        SorterSettings settings = SorterSettings.from(config);
        Properties consumerProps = SorterClients.consumer(config, settings, "bench-" + id, id);
        Properties producerProps = SorterClients.producer(config, id);
        LatencyRecorder recorder = new LatencyRecorder();
        long deadline = System.nanoTime() + timeout.toNanos();
        long copied = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            consumer.subscribe(List.of(source));
            while (copied < expected && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                long polled = System.nanoTime();
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    producer.send(new ProducerRecord<>(sink, record.key(), record.value()));
                    offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
                recorder.committed(records.count(), polled, System.nanoTime());
                copied += records.count();
            }
        }
        return recorder;
    }
}
