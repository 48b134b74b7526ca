package io.scraptrace.streams.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.CaseStatus;
import io.scraptrace.core.http.ApiException;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.http.ErrorDetail;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The body of {@code PUT /v1/alerts/{declarationId}/case}: {@code {"status": "...", "note": "..."}}.
 * A note is required: the history is an audit trail, and a decision without its reason is not one.
 *
 * @param status the status to move to
 * @param note   why
 */
public record CaseRequest(CaseStatus status, String note) {
    /** Longest note accepted, in characters. */
    public static final int MAX_NOTE = 2000;

    /** Parses and checks {@code body}; 400 with each offending field and why. */
    public static CaseRequest parse(String body) {
        JsonNode json;
        try {
            json = ApiServer.JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "must be a JSON object: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest("body", "must be a JSON object {\"status\": ..., \"note\": ...}");
        }
        List<ErrorDetail> errors = new ArrayList<>();
        CaseStatus status = null;
        JsonNode statusNode = json.get("status");
        List<String> names = Arrays.stream(CaseStatus.values()).map(Enum::name).toList();
        if (statusNode == null || !statusNode.isTextual() || !names.contains(statusNode.asText())) {
            errors.add(new ErrorDetail(null, "status", "must be one of " + String.join(", ", names)));
        } else {
            status = CaseStatus.valueOf(statusNode.asText());
        }
        JsonNode noteNode = json.get("note");
        String note = noteNode != null && noteNode.isTextual() ? noteNode.asText().strip() : "";
        if (note.isEmpty()) {
            errors.add(new ErrorDetail(null, "note", "required: a non-empty string saying why"));
        } else if (note.length() > MAX_NOTE) {
            errors.add(new ErrorDetail(null, "note", "at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid request", errors);
        }
        return new CaseRequest(status, note);
    }
}
