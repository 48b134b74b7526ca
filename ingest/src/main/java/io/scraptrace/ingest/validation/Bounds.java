package io.scraptrace.ingest.validation;

/**
 * The allowed range of a numeric field, with the sentence that explains a violation.
 *
 * @param min          lower limit
 * @param minExclusive whether {@code min} itself is excluded (e.g. mass must be strictly positive)
 * @param max          upper limit (inclusive), {@link Double#MAX_VALUE} for none
 */
public record Bounds(double min, boolean minExclusive, double max) {
    /** Strictly positive and finite. */
    public static Bounds positive() {
        return new Bounds(0, true, Double.MAX_VALUE);
    }

    /** Zero or more, finite. */
    public static Bounds nonNegative() {
        return new Bounds(0, false, Double.MAX_VALUE);
    }

    /** Within {@code min..max}, both inclusive. */
    public static Bounds between(double min, double max) {
        return new Bounds(min, false, max);
    }

    /** Whether the value is finite and within the range. */
    public boolean accepts(double value) {
        return Double.isFinite(value) && (minExclusive ? value > min : value >= min) && value <= max;
    }

    /** The rule in words, e.g. {@code must be > 0} or {@code must be between 0 and 1}. */
    public String describe() {
        if (max == Double.MAX_VALUE) {
            return "must be a finite number " + (minExclusive ? "> " : ">= ") + format(min);
        }
        return "must be between " + format(min) + " and " + format(max);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
