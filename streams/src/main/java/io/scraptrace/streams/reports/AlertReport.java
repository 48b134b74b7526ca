package io.scraptrace.streams.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.Case;
import io.scraptrace.avro.CaseChange;
import io.scraptrace.streams.cases.CaseWorkflow;
import io.scraptrace.streams.query.AlertViews;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The alerts report: one row per declaration with its reasons and its case. CSV puts the codes in
 * one column and the reasons (code, severity, detail) in another, and the case's latest change;
 * JSON gives each alert as the API shows it, evidence and full case history included.
 */
public final class AlertReport implements Report<AlertReport.Item> {
    /** An alert with its case (null when no regulator changed it). */
    public record Item(Alert alert, Case current) {
    }

    private static final List<String> COLUMNS = List.of("declarationId", "declaredAt", "checkedAt", "exporterId", "siteId", "region",
            "port", "destination", "hsCode", "declaredMaterial", "declaredGrade", "declaredMassKg", "measuredGrade", "measuredMassKg",
            "status", "severity", "codes", "reasons", "caseStatus", "caseChangedAt", "caseChangedBy", "caseNote");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> cells(Item item) {
        Alert a = item.alert();
        CaseChange last = item.current() == null || item.current().getHistory().isEmpty() ? null
                : item.current().getHistory().get(item.current().getHistory().size() - 1);
        return List.of(a.getDeclarationId(), a.getTimestamp().toString(), a.getCheckedAt().toString(), a.getExporterId(), a.getSiteId(),
                a.getRegion(), a.getPort(), a.getDestination(), a.getHsCode(), a.getDeclaredMaterial().name(),
                nullToEmpty(a.getDeclaredGrade()), Csv.number(a.getDeclaredMassKg()), nullToEmpty(a.getMeasuredGrade()),
                Csv.number(a.getMeasuredMassKg()), a.getStatus(), String.valueOf(a.getSeverity()),
                a.getReasons().stream().map(AlertReason::getCode).collect(Collectors.joining(";")),
                a.getReasons().stream().map(r -> r.getCode() + " (severity " + r.getSeverity() + "): " + r.getDetail())
                        .collect(Collectors.joining("\n")),
                CaseWorkflow.statusOf(item.current()).name(),
                last == null ? "" : last.getAt().toString(),
                last == null ? "" : last.getBy().getName() + " (" + last.getBy().getRole() + ")",
                last == null ? "" : last.getNote());
    }

    @Override
    public JsonNode json(Item item) {
        return AlertViews.render(item.alert(), item.current());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
