package io.scraptrace.sorter.evaluation;

import java.util.Locale;

/** Renders an {@link Evaluation} as the plain-text report {@code evaluate} prints. */
public final class EvaluationReport {
    private EvaluationReport() {
    }

    /** The report, titled {@code title}. */
    public static String render(String title, Evaluation e) {
        StringBuilder out = new StringBuilder();
        out.append(title).append('\n');
        out.append(String.format(Locale.ROOT, "rows %d  accuracy %.4f  macro-F1 %.4f  ECE %.4f (%d bins)%n",
                e.rows(), e.accuracy(), e.macroF1(), e.ece(), Evaluation.BINS));
        out.append(String.format(Locale.ROOT, "%-12s %9s %9s %9s %8s%n", "grade", "precision", "recall", "F1", "support"));
        for (ClassMetrics m : e.perClass()) {
            out.append(String.format(Locale.ROOT, "%-12s %9.4f %9.4f %9.4f %8d%n",
                    m.label(), m.precision(), m.recall(), m.f1(), m.support()));
        }
        out.append("confusion matrix (rows = true grade, columns = predicted, in the order above by index)\n");
        out.append(String.format(Locale.ROOT, "%-14s", ""));
        for (int c = 0; c < e.labels().size(); c++) {
            out.append(String.format(Locale.ROOT, "%6d", c));
        }
        out.append('\n');
        for (int r = 0; r < e.labels().size(); r++) {
            out.append(String.format(Locale.ROOT, "%2d %-11s", r, e.labels().get(r)));
            for (int c = 0; c < e.labels().size(); c++) {
                out.append(String.format(Locale.ROOT, "%6d", e.confusion()[r][c]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
