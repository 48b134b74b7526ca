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
 * @param basis    regulation entries, catalogue sources and consents the rule relied on
 */
public record Reason(AlertCode code, int severity, String detail, List<String> ids, Map<String, Double> figures,
                     List<String> basis) {
    public Reason {
        ids = List.copyOf(ids);
        // State written before the basis was kept has none.
        basis = basis == null ? List.of() : List.copyOf(basis);
        // Sorted so that two evaluations of the same facts compare equal however they were built.
        figures = new TreeMap<>(figures);
    }

    /** A reason with the code's default severity and no basis beyond its ids and figures. */
    public static Reason of(AlertCode code, String detail, List<String> ids, Map<String, Double> figures) {
        return new Reason(code, code.severity(), detail, ids, figures, List.of());
    }

    /** A reason of {@code severity} with no basis beyond its ids and figures. */
    public static Reason of(AlertCode code, int severity, String detail, List<String> ids, Map<String, Double> figures) {
        return new Reason(code, severity, detail, ids, figures, List.of());
    }
}
