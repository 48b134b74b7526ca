package io.scraptrace.ingest.validation;

import java.util.List;

/**
 * The outcome of validating one item: the record it became, or why it could not become one.
 *
 * @param record     the record, null when there are violations
 * @param violations what is wrong, empty when valid
 * @param <T>        record type
 */
public record Validated<T>(T record, List<Violation> violations) {
    public Validated {
        violations = List.copyOf(violations);
        if ((record == null) == violations.isEmpty()) {
            throw new IllegalArgumentException("either a record or violations");
        }
    }

    public static <T> Validated<T> valid(T record) {
        return new Validated<>(record, List.of());
    }

    public static <T> Validated<T> invalid(List<Violation> violations) {
        return new Validated<>(null, violations);
    }

    public boolean isValid() {
        return record != null;
    }
}
