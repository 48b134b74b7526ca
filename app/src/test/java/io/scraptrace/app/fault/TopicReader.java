package io.scraptrace.app.fault;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a contract topic as a downstream consumer sees it: read_committed, every partition from
 * the beginning, values decoded with the topic's own serde. No consumer group is involved.
 */
final class TopicReader {
    private TopicReader() {
    }

    /** Every committed value of {@code topic} up to its current end (last stable offset), in partition order. */
    static <V> List<V> readAll(ScrapTraceConfig config, Topic<String, V> topic, Duration timeout) {
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(config)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic.name() + " to its end " + end + " within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
                }
            }
        }
        return values;
    }

    /**
     * Tails {@code topic} in a background thread from the beginning, calling {@code sink} with each
     * committed value as it becomes visible.
     */
    static final class Tail<V> implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private final AtomicLong records = new AtomicLong();
        private final Map<String, String> errors = new ConcurrentHashMap<>();
        private volatile boolean running = true;

        Tail(ScrapTraceConfig config, Topic<String, V> topic, Consumer<V> sink) {
            consumer = consumer(config);
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            thread = new Thread(() -> {
                try {
                    while (running) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                            sink.accept(topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
                            records.incrementAndGet();
                        }
                    }
                } catch (WakeupException e) {
                    // closing
                } catch (RuntimeException e) {
                    errors.put("tail", e.toString());
                } finally {
                    consumer.close();
                }
            }, "fault-tail-" + topic.name());
            thread.setDaemon(true);
            thread.start();
        }

        long records() {
            return records.get();
        }

        /** What stopped the tail, if anything did. */
        Map<String, String> errors() {
            return Map.copyOf(errors);
        }

        @Override
        public void close() {
            running = false;
            consumer.wakeup();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(ScrapTraceConfig config) {
        Properties props = KafkaClients.consumer(config, null);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, Topic<String, ?> topic) {
        return consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}
