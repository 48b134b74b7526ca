package io.scraptrace.streams.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {
    @Test
    void recordsWhereTheRecordCameFromAndWhyAndTruncatesLargePayloads() {
        byte[] value = new byte[100_000];
        value[0] = 42;
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("scrap.graded", 4, 1234L, "LOT-9".getBytes(StandardCharsets.UTF_8), value);
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        DeadLetter letter = DeadLetterHandler.of(record, new IllegalArgumentException("bad magic byte"), now);

        assertEquals("scrap.graded", letter.getSource());
        assertEquals(4, letter.getPartition());
        assertEquals(1234L, letter.getOffset());
        assertEquals("LOT-9", letter.getKey());
        assertEquals("bad magic byte", letter.getReason());
        assertEquals("streams", letter.getStage());
        assertEquals(now, letter.getTimestamp());
        ByteBuffer payload = letter.getPayload();
        assertEquals(64 * 1024, payload.remaining());
        assertEquals(42, payload.get(0));
    }
}
