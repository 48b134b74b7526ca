package io.scraptrace.streams.alerts.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One reason a declaration is suspect, as kept in internal state before it becomes an Avro
 * AlertReason.
 *
 * @param code     the alert code
 * @param severity 1 .. 5
 * @param detail   human-readable explanation
 * @param ids      identifiers the reason rests on (lots, declarations, site)
 * @param figures  named figures: measured vs declared, baselines
 */
public record Reason(AlertCode code, int severity, String detail, List<String> ids, Map<String, Double> figures) {
    public Reason {
        ids = List.copyOf(ids);
        // Sorted so that two evaluations of the same facts compare equal however they were built.
        figures = new TreeMap<>(figures);
    }

    /** A reason with the code's default severity. */
    public static Reason of(AlertCode code, String detail, List<String> ids, Map<String, Double> figures) {
        return new Reason(code, code.severity(), detail, ids, figures);
    }
}
