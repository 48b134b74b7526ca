package io.scraptrace.ingest.intake;

import io.scraptrace.avro.DeadLetter;
import io.scraptrace.ingest.validation.Violation;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the dead letter of a rejected item: where it came from, why, and its bytes as sent. */
public final class DeadLetters {
    /** Payloads are cut here so one huge bad item cannot exceed the broker's record size. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    private static final String STAGE = "ingest";

    private DeadLetters() {
    }

    /**
     * @param source     {@code http:/v1/readings}, {@code mqtt:scraptrace/S-1/readings}, ...
     * @param item       the rejected item
     * @param violations why; the first names the field, all are listed in the reason
     * @param now        when it was rejected
     */
    public static DeadLetter of(String source, CheckedItem<?> item, List<Violation> violations, Instant now) {
        String reason = violations.stream()
                .map(v -> v.field() == null ? v.reason() : v.field() + ": " + v.reason())
                .collect(Collectors.joining("; "));
        return new DeadLetter(source, null, null, null, item.index(), violations.get(0).field(), reason, STAGE,
                ByteBuffer.wrap(item.raw().bytes(MAX_PAYLOAD_BYTES)), now);
    }
}
