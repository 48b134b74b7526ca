package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Turns one parsed JSON item into the Avro record of its topic, or lists what is wrong with it.
 * Implementations are stateless and thread-safe.
 *
 * @param <T> the Avro record type
 */
@FunctionalInterface
public interface ItemValidator<T> {
    /**
     * @param item       the item, any JSON value (non-objects are rejected)
     * @param receivedAt when ingest received it, stamped on records that carry it
     */
    Validated<T> validate(JsonNode item, Instant receivedAt);
}
