package io.scraptrace.streams.app;

import io.scraptrace.avro.GradedReading;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows graded readings by when the plant measured them, not when the sorter wrote them, so a
 * reading delayed in transit still lands in the hour it was measured (within the grace period).
 * <p>
 * A measurement time later than the graded record itself (beyond {@link #MAX_AHEAD}) comes from a
 * wrong plant clock: the record's own time is used instead. Trusted, it would move stream time
 * ahead and close every window early, and state written with it would be refused by brokers
 * (Kafka rejects records more than {@code log.message.timestamp.after.max.ms}, 1 h by default, in
 * the future), which stops the application. Ingest refuses such readings; this guards records
 * written before that check or by other producers. The lineage keeps the reading's own timestamp.
 */
public final class EventTimeExtractor implements TimestampExtractor {
    /** How far a measurement may be later than the graded record before it is not believed. */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long written = record.timestamp() >= 0 ? record.timestamp() : partitionTime;
        if (record.value() instanceof GradedReading reading && reading.getTimestamp() != null) {
            long measured = reading.getTimestamp().toEpochMilli();
            return written >= 0 && measured > written + MAX_AHEAD.toMillis() ? written : measured;
        }
        return written;
    }
}
