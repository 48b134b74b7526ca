package io.scraptrace.ingest.testing;

import io.scraptrace.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a topic from the beginning to its current end, as a downstream consumer would see it. */
public final class TopicReader {
    private TopicReader() {
    }

    /** Everything committed (read_committed stops at the last stable offset). */
    public static <V> List<V> committed(String bootstrap, Topic<String, V> topic) {
        return values(readToEnd(bootstrap, topic, "read_committed"));
    }

    /** Everything written, including records of open or aborted transactions. */
    public static <V> List<V> uncommitted(String bootstrap, Topic<String, V> topic) {
        return values(readToEnd(bootstrap, topic, "read_uncommitted"));
    }

    /** Committed values, polled again until {@code done} holds or {@code timeout} passes (for asynchronous producers). */
    public static <V> List<V> committedEventually(String bootstrap, Topic<String, V> topic, Predicate<List<V>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<V> values = committed(bootstrap, topic);
        while (!done.test(values) && System.nanoTime() < deadline) {
            sleep(200);
            values = committed(bootstrap, topic);
        }
        return values;
    }

    /** Committed records with keys. */
    public static <V> List<ConsumerRecord<String, V>> committedRecords(String bootstrap, Topic<String, V> topic) {
        return readToEnd(bootstrap, topic, "read_committed");
    }

    private static <V> List<ConsumerRecord<String, V>> readToEnd(String bootstrap, Topic<String, V> topic, String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic.name() + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static <V> List<V> values(List<ConsumerRecord<String, V>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
