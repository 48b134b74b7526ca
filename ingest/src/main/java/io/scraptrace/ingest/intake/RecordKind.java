package io.scraptrace.ingest.intake;

import io.scraptrace.ingest.validation.ItemValidator;
import io.scraptrace.schemas.topics.Topic;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * What one endpoint ingests: how items are validated, where they go and how they are keyed.
 *
 * @param name      short name for metrics and logs ({@code reading})
 * @param topic     destination topic
 * @param validator item validator
 * @param key       Kafka key of a record (CONTRACT section 6)
 * @param siteId    the site a record belongs to
 * @param eventId   idempotency key of a record, or null when the kind is not deduplicated
 * @param <T>       record type
 */
public record RecordKind<T extends SpecificRecord>(String name, Topic<String, T> topic, ItemValidator<T> validator,
                                                   Function<T, String> key, Function<T, String> siteId,
                                                   Function<T, String> eventId) {
    /** Whether resent records of this kind are recognised by their event id. */
    public boolean deduplicated() {
        return eventId != null;
    }
}
