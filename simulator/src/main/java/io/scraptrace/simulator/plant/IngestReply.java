package io.scraptrace.simulator.plant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * What ingest answered to one request.
 *
 * @param status          HTTP status, or 0 when no answer came (connection failed, gave up)
 * @param accepted        items accepted (for batch endpoints; 1 for a successful single-item request)
 * @param rejectedIndexes positions of items ingest rejected
 */
record IngestReply(int status, int accepted, Set<Integer> rejectedIndexes) {
    IngestReply {
        rejectedIndexes = Set.copyOf(rejectedIndexes);
    }

    /** No usable answer. */
    static IngestReply failed(int status) {
        return new IngestReply(status, 0, Set.of());
    }

    /** Reads the contract's batch reply {"accepted": n, "rejected": m, "errors": [{"index": i, ...}]}. */
    static IngestReply of(int status, JsonNode body) {
        if (body == null || !body.has("accepted")) {
            return new IngestReply(status, isSuccess(status) ? 1 : 0, Set.of());
        }
        Set<Integer> rejected = new HashSet<>();
        body.path("errors").forEach(error -> {
            if (error.has("index")) {
                rejected.add(error.get("index").asInt());
            }
        });
        return new IngestReply(status, body.get("accepted").asInt(), rejected);
    }

    /** Whether the request succeeded (2xx). */
    boolean ok() {
        return isSuccess(status);
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }
}
