package io.scraptrace.streams.query;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The committed end (last stable offset) of a store's changelog partition. A standby reads
 * committed records only, so this, not the log end, is what it can catch up to: a killed
 * instance's open transaction stays in the log until it times out, and would otherwise make
 * every standby of its partitions look behind.
 * <p>
 * Likewise for an input topic: its end against the offset the application has committed on it
 * tells whether every record accepted so far has been processed.
 */
public final class ChangelogEnds implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Admin admin;
    private final String applicationId;

    /**
     * @param admin         admin client of the cluster the application runs on (closed with this)
     * @param applicationId the Kafka Streams application id, which prefixes changelog names
     */
    public ChangelogEnds(Admin admin, String applicationId) {
        this.admin = admin;
        this.applicationId = applicationId;
    }

    /** The last stable offset of each of {@code partitions} of {@code store}'s changelog. */
    public Map<Integer, Long> committedEnds(String store, Set<Integer> partitions) {
        return ends(applicationId + "-" + store + "-changelog", partitions, IsolationLevel.READ_COMMITTED);
    }

    /**
     * The end (high watermark) of {@code partition} of an input topic: past every record appended
     * and acknowledged before now. Not the last stable offset: a producer's commit returns before
     * the coordinator has written the commit marker to the partition, so for a moment after a
     * transactional write was acknowledged the last stable offset still stands in front of it.
     */
    public long inputEnd(String topic, int partition) {
        return ends(topic, Set.of(partition), IsolationLevel.READ_UNCOMMITTED).get(partition);
    }

    private Map<Integer, Long> ends(String topic, Set<Integer> partitions, IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition), partition -> OffsetSpec.latest()));
        try {
            return admin.listOffsets(request, new ListOffsetsOptions(isolation)).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().partition(), entry -> entry.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new UnavailableException("cannot read the committed end of " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted reading the committed end of " + topic, e);
        }
    }

    /**
     * The offset the application has committed on {@code partition} of an input topic: every record
     * before it has been processed and its results committed (exactly-once commits both in one
     * transaction). 0 before its first commit there.
     */
    public long applicationOffset(String topic, int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        try {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(Map.of(applicationId,
                            new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(tp))))
                    .partitionsToOffsetAndMetadata(applicationId).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(tp);
            return committed == null ? 0 : committed.offset();
        } catch (ExecutionException | TimeoutException e) {
            throw new UnavailableException("cannot read how far " + applicationId + " has read " + tp + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted reading how far " + applicationId + " has read " + tp, e);
        }
    }

    @Override
    public void close() {
        admin.close(TIMEOUT);
    }
}
