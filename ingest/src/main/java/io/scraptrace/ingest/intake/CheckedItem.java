package io.scraptrace.ingest.intake;

import io.scraptrace.ingest.validation.ItemValidator;
import io.scraptrace.ingest.validation.Validated;
import io.scraptrace.ingest.validation.Violation;
import java.time.Instant;
import java.util.List;

/**
 * An item of a request together with the outcome of validating it.
 *
 * @param index         position in the batch; null when the body was a single object
 * @param raw           the item's bytes as sent
 * @param claimedSiteId the {@code siteId} the item claims, if it has one as a string (valid or not)
 * @param validated     its record or violations
 * @param <T>           record type
 */
public record CheckedItem<T>(Integer index, RawSlice raw, String claimedSiteId, Validated<T> validated) {
    /** A parsed item validated by {@code validator}; a malformed one keeps its parse error. */
    static <T> CheckedItem<T> of(ParsedItem item, ItemValidator<T> validator, Instant receivedAt) {
        Validated<T> validated = item.json() == null
                ? Validated.invalid(List.of(item.malformed()))
                : validator.validate(item.json(), receivedAt);
        return new CheckedItem<>(item.index(), item.raw(), item.claimedSiteId(), validated);
    }

    /** Parsed items validated by {@code validator}, in their order. */
    public static <T> List<CheckedItem<T>> all(List<ParsedItem> items, ItemValidator<T> validator, Instant receivedAt) {
        return items.stream().map(item -> of(item, validator, receivedAt)).toList();
    }

    /** An item that is not JSON. */
    public static <T> CheckedItem<T> malformed(Integer index, String reason, RawSlice raw) {
        return new CheckedItem<>(index, raw, null, Validated.invalid(List.of(new Violation(null, reason))));
    }

    /** The same item rejected for {@code violation} instead. */
    CheckedItem<T> rejected(Violation violation) {
        return new CheckedItem<>(index, raw, claimedSiteId, Validated.invalid(List.of(violation)));
    }
}
