package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.scraptrace.avro.Alert;
import io.scraptrace.avro.Case;
import io.scraptrace.avro.CaseStatus;
import io.scraptrace.core.http.ApiException;
import io.scraptrace.streams.alerts.process.AlertAssembler;
import io.scraptrace.streams.cases.CaseWorkflow;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The filters of {@code GET /v1/alerts}. By default only declarations with at least one reason
 * (severity >= 1) are listed; {@code minSeverity=0} includes the clean verdicts too, and so does a
 * {@code status} filter unless it sets {@code minSeverity} itself (PENDING ones have no reasons yet).
 *
 * @param region      origin region, or null for any
 * @param siteId      origin site, or null for any
 * @param code        a reason code the alert must carry, or null for any
 * @param status      JUDGED or PENDING, or null for any
 * @param minSeverity lowest severity listed
 * @param from        earliest declaration time
 * @param to          latest declaration time
 * @param limit       most alerts returned
 * @param caseStatus  the status the alert's case must have, or null for any
 */
public record AlertFilter(String region, String siteId, String code, String status, int minSeverity, Instant from, Instant to,
                          int limit, CaseStatus caseStatus) {
    /** Newest declaration first; ties by declarationId so every instance merges to the same order. */
    public static final Comparator<JsonNode> NEWEST_FIRST = Comparator
            .<JsonNode, Instant>comparing(n -> Instant.parse(n.path("timestamp").asText()), Comparator.reverseOrder())
            .thenComparing(n -> n.path("declarationId").asText());

    private static final List<String> STATUSES = List.of(AlertAssembler.JUDGED, AlertAssembler.PENDING);
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    /** The filter of the request in {@code ctx}. */
    public static AlertFilter of(Context ctx) {
        String status = ctx.queryParam("status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status", "must be one of " + STATUSES);
        }
        return new AlertFilter(ctx.queryParam("region"), ctx.queryParam("siteId"), ctx.queryParam("code"), status,
                QueryParams.integer(ctx, "minSeverity", status == null ? 1 : 0, 0, 5),
                QueryParams.instant(ctx, "from", Instant.EPOCH), QueryParams.instant(ctx, "to", QueryParams.LATEST),
                QueryParams.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT), caseStatus(ctx));
    }

    /** A filter on the judged or pending alert alone, whatever its status and case. */
    public AlertFilter(String region, String siteId, String code, int minSeverity, Instant from, Instant to, int limit) {
        this(region, siteId, code, null, minSeverity, from, to, limit, null);
    }

    /** Whether {@code alert} passes. */
    public boolean test(Alert alert) {
        return alert.getSeverity() >= minSeverity
                && (region == null || region.equals(alert.getRegion()))
                && (siteId == null || siteId.equals(alert.getSiteId()))
                && (status == null || status.equals(alert.getStatus()))
                && (code == null || alert.getReasons().stream().anyMatch(r -> code.equals(r.getCode())))
                && !alert.getTimestamp().isBefore(from) && !alert.getTimestamp().isAfter(to);
    }

    /** Whether an alert whose case is {@code current} (null: none yet, so OPEN) passes the case filter. */
    public boolean admits(Case current) {
        return caseStatus == null || caseStatus == CaseWorkflow.statusOf(current);
    }

    private static CaseStatus caseStatus(Context ctx) {
        String value = ctx.queryParam("caseStatus");
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(value.strip())).findFirst()
                .orElseThrow(() -> ApiException.badRequest("caseStatus", "must be one of " + Arrays.toString(CaseStatus.values())));
    }
}
