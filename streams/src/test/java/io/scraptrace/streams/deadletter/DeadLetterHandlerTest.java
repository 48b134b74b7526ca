package io.scraptrace.streams.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scraptrace.avro.DeadLetter;
import io.scraptrace.schemas.registry.SchemaRegistryClient;
import io.scraptrace.schemas.registry.SchemaRegistryUnavailableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
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

    @Test
    void anUnreachableSchemaRegistryFailsTheThreadInsteadOfDeadLetteringAGoodRecord() {
        // Nothing listens on port 1: the registry client's own error, as a deserializer would see it.
        SchemaRegistryUnavailableException unreachable = assertThrows(SchemaRegistryUnavailableException.class,
                () -> new SchemaRegistryClient("http://127.0.0.1:1/apis/ccompat/v7").schema(1));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("scrap.graded", 0, 7L, null, new byte[] {0, 0, 0, 0, 1});

        assertEquals(DeserializationHandlerResponse.FAIL, new DeadLetterHandler().handle((ErrorHandlerContext) null, record, unreachable));
    }
}
