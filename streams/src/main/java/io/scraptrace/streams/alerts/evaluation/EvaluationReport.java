package io.scraptrace.streams.alerts.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Precision and recall per alert code over one scenario set, with every declaration judged
 * otherwise than expected and, for labels set blind to the grading, what the evidence gate did.
 *
 * @param set          the scenario set's name
 * @param declarations declarations judged
 * @param scores       one per alert code, in the codes' order
 * @param mismatches   "declarationId: expected [..], raised [..] (source)" for each wrong judgement
 * @param gate         how the evidence gate shaped the expectations, when it was applied
 */
public record EvaluationReport(String set, int declarations, List<CodeScore> scores, List<String> mismatches,
                               Optional<GateReport> gate) {
    public EvaluationReport {
        scores = List.copyOf(scores);
        mismatches = List.copyOf(mismatches);
    }

    /** Codes whose precision or recall is below {@code goal}. */
    public List<String> below(double goal) {
        return scores.stream().filter(s -> s.precision() < goal || s.recall() < goal).map(CodeScore::code).toList();
    }

    /** Codes no declaration of the set should raise: the set cannot measure their recall. */
    public List<String> unmeasured() {
        return scores.stream().filter(s -> s.support() == 0).map(CodeScore::code).toList();
    }

    /** The report as a table. */
    public String format() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s: %d declarations", set, declarations));
        lines.add(String.format(Locale.ROOT, "  %-24s %8s %5s %5s %5s %10s %7s", "code", "expected", "TP", "FP", "FN", "precision", "recall"));
        for (CodeScore s : scores) {
            lines.add(String.format(Locale.ROOT, "  %-24s %8d %5d %5d %5d %10.3f %7.3f", s.code(), s.support(), s.truePositives(),
                    s.falsePositives(), s.falseNegatives(), s.precision(), s.recall()));
        }
        gate.ifPresent(g -> {
            lines.add(String.format(Locale.ROOT, "  evidence gate %.2f (share of declared mass graded with confidence, from the set's"
                    + " own graded readings): %d declarations below it", g.minGradedShare(), g.below()));
            lines.add("  held for evidence (planted, below the gate: " + EvidenceGate.INSPECT + " expected instead): "
                    + (g.held().isEmpty() ? "none" : String.join(", ", g.held().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().size() + " " + e.getValue()).toList())));
            lines.add(String.format(Locale.ROOT, "  below the gate, no grade code planted (%s not scored there): %d, raised on %d %s",
                    EvidenceGate.INSPECT, g.optional(), g.optionalInspect().size(), g.optionalInspect()));
        });
        mismatches.forEach(m -> lines.add("  wrong: " + m));
        return String.join(System.lineSeparator(), lines);
    }
}
