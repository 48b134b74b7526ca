package io.scraptrace.streams.alerts.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Precision and recall per alert code over one scenario set, with every declaration judged
 * otherwise than expected.
 *
 * @param set          the scenario set's name
 * @param declarations declarations judged
 * @param scores       one per alert code, in the codes' order
 * @param mismatches   "declarationId: expected [..], raised [..] (source)" for each wrong judgement
 */
public record EvaluationReport(String set, int declarations, List<CodeScore> scores, List<String> mismatches) {
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
        mismatches.forEach(m -> lines.add("  wrong: " + m));
        return String.join(System.lineSeparator(), lines);
    }
}
