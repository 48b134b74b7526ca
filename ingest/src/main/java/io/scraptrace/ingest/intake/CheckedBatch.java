package io.scraptrace.ingest.intake;

import io.scraptrace.ingest.validation.Validated;
import io.scraptrace.ingest.validation.Violation;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The items of one request, each validated: what {@link Intake#submit} publishes.
 *
 * @param kind  what the items are
 * @param items every item in request order
 * @param <T>   record type
 */
public record CheckedBatch<T extends SpecificRecord>(RecordKind<T> kind, List<CheckedItem<T>> items) {
    public CheckedBatch {
        items = List.copyOf(items);
    }

    /** Validate parsed items as {@code kind}; malformed ones keep their parse error. */
    public static <T extends SpecificRecord> CheckedBatch<T> of(RecordKind<T> kind, List<ParsedItem> parsed, Instant receivedAt) {
        return new CheckedBatch<>(kind, parsed.stream()
                .map(item -> new CheckedItem<>(item, item.json() == null
                        ? Validated.<T>invalid(List.of(item.malformed()))
                        : kind.validator().validate(item.json(), receivedAt)))
                .toList());
    }

    /**
     * The same batch with every valid record of another site turned into a rejection: used where
     * the site is given by the channel (an MQTT topic) rather than by a token.
     */
    public CheckedBatch<T> requireSite(String siteId, String reason) {
        return new CheckedBatch<>(kind, items.stream()
                .map(checked -> checked.validated().isValid() && !siteId.equals(kind.siteId().apply(checked.validated().record()))
                        ? new CheckedItem<>(checked.item(), Validated.<T>invalid(List.of(new Violation("siteId", reason))))
                        : checked)
                .toList());
    }
}
