package io.scraptrace.sorter.service;

import io.scraptrace.avro.DeadLetter;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Builds the dead letter of a consumed record the sorter could not grade. */
final class DeadLetters {
    /** Stage name recorded on the sorter's dead letters. */
    static final String STAGE = "sorter";
    /** Payload cap of the DeadLetter schema. */
    private static final int MAX_PAYLOAD = 64 * 1024;

    private DeadLetters() {
    }

    static DeadLetter of(ConsumerRecord<String, byte[]> record, String field, String reason, Instant now) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        byte[] payload = value.length > MAX_PAYLOAD ? Arrays.copyOf(value, MAX_PAYLOAD) : value;
        return DeadLetter.newBuilder()
                .setSource(record.topic())
                .setPartition(record.partition())
                .setOffset(record.offset())
                .setKey(record.key())
                .setField(field)
                .setReason(reason)
                .setStage(STAGE)
                .setPayload(java.nio.ByteBuffer.wrap(payload))
                .setTimestamp(now)
                .build();
    }
}
