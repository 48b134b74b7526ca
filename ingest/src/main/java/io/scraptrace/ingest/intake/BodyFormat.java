package io.scraptrace.ingest.intake;

import java.util.Locale;

/** How a body lists its items, from its Content-Type. */
public enum BodyFormat {
    /** {@code application/json}: one object or an array of them. */
    JSON,
    /** {@code application/x-ndjson} (or jsonl): one object a line. */
    NDJSON,
    /** No or another type (e.g. MQTT payloads): told apart by content. */
    AUTO;

    /** The format a Content-Type header announces. */
    public static BodyFormat of(String contentType) {
        if (contentType == null) {
            return AUTO;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("ndjson") || type.contains("jsonl")) {
            return NDJSON;
        }
        return type.startsWith("application/json") ? JSON : AUTO;
    }
}
