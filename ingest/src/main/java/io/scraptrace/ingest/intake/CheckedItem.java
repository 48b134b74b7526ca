package io.scraptrace.ingest.intake;

import io.scraptrace.ingest.validation.Validated;

/**
 * An item together with the outcome of validating it.
 *
 * @param item      the item as parsed
 * @param validated its record or violations
 * @param <T>       record type
 */
public record CheckedItem<T>(ParsedItem item, Validated<T> validated) {
}
