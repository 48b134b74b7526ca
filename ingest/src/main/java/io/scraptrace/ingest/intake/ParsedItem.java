package io.scraptrace.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.ingest.validation.Violation;

/**
 * One item of a request body: its JSON, or why it could not be parsed.
 *
 * @param index     position in the batch; null when the body was a single object
 * @param json      the parsed value, null when malformed
 * @param malformed why parsing failed, null when parsed
 * @param raw       the item's bytes as sent
 */
public record ParsedItem(Integer index, JsonNode json, Violation malformed, RawSlice raw) {
    /** A parsed item. */
    public static ParsedItem parsed(Integer index, JsonNode json, RawSlice raw) {
        return new ParsedItem(index, json, null, raw);
    }

    /** An item that is not JSON. */
    public static ParsedItem malformed(Integer index, String reason, RawSlice raw) {
        return new ParsedItem(index, null, new Violation(null, reason), raw);
    }

    /** The {@code siteId} the item claims, if it has one as a string. */
    public String claimedSiteId() {
        JsonNode site = json == null ? null : json.get("siteId");
        return site != null && site.isTextual() ? site.textValue() : null;
    }
}
