package io.scraptrace.sorter.service;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produce raw records and read a topic back (read_committed) in broker tests. */
final class KafkaTestSupport {
    private KafkaTestSupport() {
    }

    /** Send key/value pairs (values already encoded, so corrupt payloads can be sent too) and wait for the acks. */
    static void send(ScrapTraceConfig config, List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(config, "test-producer"),
                new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** Every committed record of {@code topic}, decoded, polling until {@code done} holds or the timeout passes. */
    static <V> List<V> readUntil(ScrapTraceConfig config, Topic<String, V> topic, Predicate<List<V>> done, Duration timeout) {
        Properties props = KafkaClients.consumer(config, null);
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(values) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
                }
            }
        }
        return values;
    }

    /** Reads until at least {@code count} records arrived, then a little longer to catch any extra (duplicate) ones. */
    static <V> List<V> readAtLeast(ScrapTraceConfig config, Topic<String, V> topic, int count, Duration timeout) {
        List<V> values = readUntil(config, topic, v -> v.size() >= count, timeout);
        return values.size() < count ? values : readUntil(config, topic, v -> false, Duration.ofSeconds(2));
    }
}
