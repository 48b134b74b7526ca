package io.scraptrace.streams.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.Case;
import io.scraptrace.avro.CaseStatus;
import io.scraptrace.core.http.ApiServer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts of alerts by reason code and case status, and per code the confirmed share
 * CONFIRMED / (CONFIRMED + CLEARED): of the alerts regulators decided on, how many held up (the
 * precision they experience). An alert with several codes counts once under each, and once in
 * the totals. Each instance counts its own alerts into rows; the rows of all instances are summed
 * by {@link #summary}.
 */
public final class CaseStats {
    /** The code of the rows counting every alert once, whatever its codes. */
    private static final String ALL = "*";

    private final Map<String, Map<CaseStatus, Long>> counts = new TreeMap<>();

    /** Counts {@code alert} in its {@code current} case's status (OPEN when null). */
    public void add(Alert alert, Case current) {
        CaseStatus status = CaseWorkflow.statusOf(current);
        Set<String> codes = new LinkedHashSet<>();
        codes.add(ALL);
        alert.getReasons().stream().map(AlertReason::getCode).forEach(codes::add);
        codes.forEach(code -> counts.computeIfAbsent(code, c -> new EnumMap<>(CaseStatus.class)).merge(status, 1L, Long::sum));
    }

    /** This instance's counts as rows {@code {code, caseStatus, alerts}}, to be merged with other instances' rows. */
    public List<JsonNode> rows() {
        List<JsonNode> rows = new ArrayList<>();
        counts.forEach((code, byStatus) -> byStatus.forEach((status, n) -> rows.add(ApiServer.JSON.createObjectNode()
                .put("code", code).put("caseStatus", status.name()).put("alerts", n))));
        return rows;
    }

    /**
     * The answer of {@code GET /v1/alerts/stats} from every instance's {@link #rows}:
     * {@code {alerts, byCaseStatus, confirmedShare, codes: [{code, alerts, byCaseStatus, confirmedShare}]}}.
     */
    public static ObjectNode summary(List<JsonNode> rows) {
        Map<String, Map<CaseStatus, Long>> sums = new TreeMap<>();
        for (JsonNode row : rows) {
            sums.computeIfAbsent(row.path("code").asText(), c -> new EnumMap<>(CaseStatus.class))
                    .merge(CaseStatus.valueOf(row.path("caseStatus").asText()), row.path("alerts").asLong(), Long::sum);
        }
        ObjectNode body = ApiServer.JSON.createObjectNode();
        describe(body, sums.getOrDefault(ALL, Map.of()));
        var codes = body.putArray("codes");
        sums.forEach((code, byStatus) -> {
            if (!code.equals(ALL)) {
                describe(codes.addObject().put("code", code), byStatus);
            }
        });
        return body;
    }

    private static void describe(ObjectNode node, Map<CaseStatus, Long> byStatus) {
        node.put("alerts", byStatus.values().stream().mapToLong(Long::longValue).sum());
        ObjectNode statuses = node.putObject("byCaseStatus");
        for (CaseStatus status : CaseStatus.values()) {
            statuses.put(status.name(), byStatus.getOrDefault(status, 0L));
        }
        long confirmed = byStatus.getOrDefault(CaseStatus.CONFIRMED, 0L);
        long decided = confirmed + byStatus.getOrDefault(CaseStatus.CLEARED, 0L);
        // No decided case yet: the share is unknown, not zero.
        if (decided == 0) {
            node.putNull("confirmedShare");
        } else {
            node.put("confirmedShare", (double) confirmed / decided);
        }
    }
}
