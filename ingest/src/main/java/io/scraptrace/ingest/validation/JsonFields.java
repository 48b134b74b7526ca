package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads the fields of one JSON object and collects every violation instead of stopping at the
 * first, so a plant sees all that is wrong with an item in one reply. Getters return null (or NaN)
 * for a field that is missing or wrong; callers build the record only when {@link #ok()}.
 */
public final class JsonFields {
    /** Longest identifier accepted; ids become Kafka keys and state-store keys downstream. */
    public static final int MAX_ID_LENGTH = 200;
    /** Timestamps outside this window are typos or unit mistakes (seconds vs millis), not data. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final JsonNode item;
    private final List<Violation> violations = new ArrayList<>();

    public JsonFields(JsonNode item) {
        this.item = item;
    }

    /** Whether nothing was wrong so far. */
    public boolean ok() {
        return violations.isEmpty();
    }

    /** Everything found wrong so far. */
    public List<Violation> violations() {
        return violations;
    }

    /** Record a violation found by the caller's own rule. */
    public void reject(String field, String reason) {
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
        return present(field) ? id(field) : null;
    }

    /** A required non-blank string. */
    public String text(String field) {
        JsonNode node = required(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            reject(field, "must be a string");
            return null;
        }
        if (node.textValue().isBlank()) {
            reject(field, "must not be blank");
            return null;
        }
        return node.textValue();
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
        JsonNode node = required(field);
        return node == null ? Double.NaN : checkNumber(field, node, bounds);
    }

    /** An optional number within {@code bounds}; null when absent or JSON null. */
    public Double optionalNumber(String field, Bounds bounds) {
        if (!present(field)) {
            return null;
        }
        double value = checkNumber(field, item.get(field), bounds);
        return Double.isNaN(value) ? null : value;
    }

    /** A number found elsewhere (e.g. a composition entry) checked under the field name given. */
    public double checkNumber(String field, JsonNode node, Bounds bounds) {
        if (!node.isNumber()) {
            reject(field, "must be a number");
            return Double.NaN;
        }
        double value = node.doubleValue();
        if (!bounds.accepts(value)) {
            reject(field, bounds.describe());
            return Double.NaN;
        }
        return value;
    }

    /** A required boolean; null when missing or wrong. */
    public Boolean bool(String field) {
        JsonNode node = required(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            reject(field, "must be true or false");
            return null;
        }
        return node.booleanValue();
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

    /** An optional ISO-8601 date ({@code 2027-03-31}), returned in its canonical text form. */
    public String optionalDate(String field) {
        if (!present(field)) {
            return null;
        }
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            reject(field, "must be an ISO-8601 date, e.g. 2027-03-31");
            return null;
        }
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

    /** A required JSON object; null when missing or wrong. */
    public JsonNode object(String field) {
        JsonNode node = required(field);
        if (node != null && !node.isObject()) {
            reject(field, "must be an object");
            return null;
        }
        return node;
    }

    /** A required non-empty array of identifiers; null when missing or wrong. */
    public List<String> idList(String field) {
        JsonNode node = required(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            reject(field, "must be a non-empty array of strings");
            return null;
        }
        List<String> ids = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String name = field + "[" + i + "]";
            if (!element.isTextual() || element.textValue().isBlank()) {
                reject(name, "must be a non-blank string");
            } else if (element.textValue().length() > MAX_ID_LENGTH) {
                reject(name, "must be at most " + MAX_ID_LENGTH + " characters");
            } else {
                ids.add(element.textValue());
            }
        }
        return ids.size() == node.size() ? ids : null;
    }

    /** Whether the field is missing or JSON null (optional fields). */
    public boolean isAbsent(String field) {
        return !present(field);
    }

    private boolean present(String field) {
        JsonNode node = item.get(field);
        return node != null && !node.isNull();
    }

    private JsonNode required(String field) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            reject(field, "is required");
            return null;
        }
        return node;
    }
}
