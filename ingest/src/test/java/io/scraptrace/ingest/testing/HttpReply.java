package io.scraptrace.ingest.testing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A reply of the ingest API.
 *
 * @param status HTTP status
 * @param body   the JSON body (MissingNode when not JSON)
 */
public record HttpReply(int status, JsonNode body) {
    @Override
    public String toString() {
        return status + " " + body;
    }
}
