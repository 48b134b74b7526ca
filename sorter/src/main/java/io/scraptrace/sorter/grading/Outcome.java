package io.scraptrace.sorter.grading;

/**
 * The result of scoring one record: a value, or the reason it could not be scored.
 *
 * @param value  the result, null when rejected
 * @param field  the offending field when rejected (may be null)
 * @param reason why it was rejected, null when scored
 * @param <T>    result type
 */
public record Outcome<T>(T value, String field, String reason) {
    /** A scored record. */
    public static <T> Outcome<T> scored(T value) {
        return new Outcome<>(value, null, null);
    }

    /** A record that could not be scored. */
    public static <T> Outcome<T> rejected(String field, String reason) {
        return new Outcome<>(null, field, reason);
    }

    /** Whether it was scored. */
    public boolean ok() {
        return reason == null;
    }
}
