package io.scraptrace.core.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reading what a topic holds now with a consumer outside any group: assign every partition from
 * the beginning, then poll until the consumer's position on each has reached the end offset the
 * partition had when asked (for a read_committed consumer the last stable offset; positions move
 * past transaction markers, so comparing them never waits for a record that does not come).
 */
public final class TopicEnd {
    /** How long one poll waits when nothing arrives. */
    private static final Duration POLL = Duration.ofMillis(100);

    private TopicEnd() {
    }

    /** Assigns {@code consumer} every partition of {@code topic}, each from its beginning; returns them. */
    public static List<TopicPartition> assignFromBeginning(Consumer<?, ?> consumer, String topic, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    /**
     * Polls {@code consumer}, from wherever it stands on its assigned {@code partitions}, up to their
     * end offsets as of this call, handing every record to {@code each}; false when {@code timeout}
     * ran out first.
     */
    public static <K, V> boolean readTo(Consumer<K, V> consumer, Collection<TopicPartition> partitions, Duration timeout,
                                        java.util.function.Consumer<ConsumerRecord<K, V>> each) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            consumer.poll(POLL).forEach(each);
        }
        return true;
    }
}
