package io.scraptrace.streams.app;

import io.scraptrace.avro.GradedReading;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows graded readings by when the plant measured them, not when the sorter wrote them, so a
 * reading delayed in transit still lands in the hour it was measured (within the grace period).
 */
public final class EventTimeExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof GradedReading reading && reading.getTimestamp() != null) {
            return reading.getTimestamp().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
