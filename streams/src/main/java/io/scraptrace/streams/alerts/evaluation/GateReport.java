package io.scraptrace.streams.alerts.evaluation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the evidence gate shaped a scenario set's expectations (see {@link EvidenceGate}).
 *
 * @param minGradedShare  the gate
 * @param below           declarations whose graded share is below it
 * @param held            per planted grade code, the declarations where it was held for evidence
 * @param optional        declarations below the gate with no grade code planted
 * @param optionalInspect those of them that raised INSUFFICIENT_EVIDENCE
 */
public record GateReport(double minGradedShare, int below, Map<String, List<String>> held, int optional,
                         List<String> optionalInspect) {
    public GateReport {
        held = new TreeMap<>(held);
        optionalInspect = List.copyOf(optionalInspect);
    }

    /** Declarations held for evidence, over all codes. */
    public int heldCount() {
        return held.values().stream().mapToInt(List::size).sum();
    }
}
