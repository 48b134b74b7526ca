package io.scraptrace.ingest.validation;

/**
 * One thing wrong with one item.
 *
 * @param field  the offending field (dotted for nested ones, e.g. {@code composition.Cu}); null
 *               when the item as a whole is wrong (malformed JSON, not an object)
 * @param reason why it was rejected, in words a plant engineer can act on
 */
public record Violation(String field, String reason) {
    /** An item that is valid JSON but not an object (a number, a string, an array). */
    public static final Violation NOT_AN_OBJECT = new Violation(null, "must be a JSON object");
}
