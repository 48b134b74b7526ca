package io.scraptrace.ingest.intake;

import io.scraptrace.ingest.validation.Violation;
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

    /**
     * The same batch with every valid record of another site turned into a rejection: used where
     * the site is given by the channel (an MQTT topic) rather than by a token.
     */
    public CheckedBatch<T> requireSite(String siteId, String reason) {
        return new CheckedBatch<>(kind, items.stream()
                .map(checked -> checked.validated().isValid() && !siteId.equals(kind.siteId().apply(checked.validated().record()))
                        ? checked.rejected(new Violation("siteId", reason))
                        : checked)
                .toList());
    }
}
