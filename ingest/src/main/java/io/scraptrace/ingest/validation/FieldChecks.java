package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.core.JsonToken;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The rules the fields of one item must follow, applied to values however they were read (from a
 * parsed tree by {@link JsonFields}, or straight from the token stream by {@link ReadingValidator}),
 * collecting every violation instead of stopping at the first, so a plant sees all that is wrong
 * with an item in one reply. Getters return null (or NaN) for a field that is missing or wrong;
 * callers build the record only when {@link #ok()}.
 */
public class FieldChecks {
    /** Longest identifier accepted; ids become Kafka keys and state-store keys downstream. */
    public static final int MAX_ID_LENGTH = 200;
    /** Timestamps outside this window are typos or unit mistakes (seconds vs millis), not data. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final FieldValues values;
    /** Null until the first violation: a valid item allocates no list. */
    private List<Violation> violations;

    public FieldChecks(FieldValues values) {
        this.values = values;
    }

    /** Whether nothing was wrong so far. */
    public boolean ok() {
        return violations == null;
    }

    /** Everything found wrong so far. */
    public List<Violation> violations() {
        return violations == null ? List.of() : violations;
    }

    /** Record a violation found by the caller's own rule. */
    public void reject(String field, String reason) {
        if (violations == null) {
            violations = new ArrayList<>(4);
        }
        violations.add(new Violation(field, reason));
    }

    /** A required identifier: a non-blank string of at most {@link #MAX_ID_LENGTH} characters. */
    public String id(String field) {
        String text = text(field);
        if (text != null && text.length() > MAX_ID_LENGTH) {
            reject(field, "must be at most " + MAX_ID_LENGTH + " characters");
            return null;
        }
        return text;
    }

    /** An optional identifier; null when absent. */
    public String optionalId(String field) {
        return isAbsent(field) ? null : id(field);
    }

    /** A required non-blank string. */
    public String text(String field) {
        JsonToken token = values.token(field);
        if (!required(field, token)) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            reject(field, "must be a string");
            return null;
        }
        String text = values.text(field);
        if (text.isBlank()) {
            reject(field, "must not be blank");
            return null;
        }
        return text;
    }

    /** A required string that must satisfy {@code rule}, explained by {@code expectation}. */
    public String text(String field, Predicate<String> rule, String expectation) {
        String text = text(field);
        if (text != null && !rule.test(text)) {
            reject(field, "must be " + expectation);
            return null;
        }
        return text;
    }

    /** A required number within {@code bounds}; NaN when missing or wrong. */
    public double number(String field, Bounds bounds) {
        JsonToken token = values.token(field);
        return required(field, token) ? checkNumber(field, token, value(field, token), bounds) : Double.NaN;
    }

    /** An optional number within {@code bounds}; null when absent or JSON null. */
    public Double optionalNumber(String field, Bounds bounds) {
        JsonToken token = values.token(field);
        if (!present(token)) {
            return null;
        }
        double value = checkNumber(field, token, value(field, token), bounds);
        return Double.isNaN(value) ? null : value;
    }

    /**
     * A value found elsewhere (e.g. a composition entry), given as its token and, for a number,
     * its value, checked under the field name given; NaN when wrong.
     */
    public double checkNumber(String field, JsonToken token, double value, Bounds bounds) {
        if (!isNumber(token)) {
            reject(field, "must be a number");
            return Double.NaN;
        }
        if (!bounds.accepts(value)) {
            reject(field, bounds.describe());
            return Double.NaN;
        }
        return value;
    }

    /** A required boolean; null when missing or wrong. */
    public Boolean bool(String field) {
        JsonToken token = values.token(field);
        if (!required(field, token)) {
            return null;
        }
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            reject(field, "must be true or false");
            return null;
        }
        return token == JsonToken.VALUE_TRUE;
    }

    /** A required ISO-8601 instant with an offset, e.g. {@code 2026-01-31T12:00:00Z}. */
    public Instant instant(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = IsoInstant.parse(text);
        } catch (DateTimeParseException e) {
            reject(field, "must be an ISO-8601 instant with offset, e.g. 2026-01-31T12:00:00Z");
            return null;
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            reject(field, "must be between " + EARLIEST + " and " + LATEST);
            return null;
        }
        return instant;
    }

    /**
     * A required instant of something that already happened: not later than {@code latest}. A
     * measurement "from the future" is a wrong plant clock, and downstream it would count in the
     * wrong hour and move event time on for everyone.
     */
    public Instant pastInstant(String field, Instant latest) {
        Instant instant = instant(field);
        if (instant != null && instant.isAfter(latest)) {
            reject(field, "must not be later than " + latest + " (the time it was received plus the allowed clock skew)");
            return null;
        }
        return instant;
    }

    /** A required enum symbol among {@code allowed}, matched exactly (upper case). */
    public <E extends Enum<E>> E symbol(String field, E[] allowed) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        for (E candidate : allowed) {
            if (candidate.name().equals(text)) {
                return candidate;
            }
        }
        reject(field, "must be one of " + Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    /** Whether the field is missing or JSON null (optional fields). */
    public boolean isAbsent(String field) {
        return !present(values.token(field));
    }

    /** Whether a required value is there; records the violation when not. */
    boolean required(String field, JsonToken token) {
        if (!present(token)) {
            reject(field, "is required");
            return false;
        }
        return true;
    }

    private double value(String field, JsonToken token) {
        return isNumber(token) ? values.number(field) : Double.NaN;
    }

    private static boolean present(JsonToken token) {
        return token != null && token != JsonToken.VALUE_NULL;
    }

    private static boolean isNumber(JsonToken token) {
        return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }
}
