package io.scraptrace.ingest.intake;

import io.scraptrace.core.http.ErrorDetail;
import java.util.List;

/**
 * What became of a request's items (the reply body of CONTRACT section 2).
 *
 * @param accepted   items accepted, duplicates included (a resent event is accepted, once)
 * @param rejected   items rejected and written to the dead-letter topic
 * @param duplicates accepted items whose eventId was already published recently, not produced again
 * @param errors     one entry per violation: index, field, reason
 */
public record IntakeResult(int accepted, int rejected, int duplicates, List<ErrorDetail> errors) {
    public IntakeResult {
        errors = List.copyOf(errors);
    }
}
