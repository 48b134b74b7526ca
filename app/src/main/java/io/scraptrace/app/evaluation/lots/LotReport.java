package io.scraptrace.app.evaluation.lots;

import io.scraptrace.schemas.grades.GradeCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Lot-level figures of one evaluated set of lots: accuracy of the lots' dominant grades, the share
 * marked for inspection, and how well the lots' confidences are calibrated (reliability bins and
 * the expected calibration error over lots).
 *
 * @param title      what was evaluated
 * @param heldToGoal whether the lots are the set the accuracy goal is held to (lots as filled)
 * @param outcomes   every lot's outcome
 */
public record LotReport(String title, boolean heldToGoal, List<LotOutcome> outcomes) {
    /** The goal for lot-level grade accuracy. */
    public static final double GOAL = 0.98;
    /** Reliability bins over lot confidence. */
    static final int BINS = 10;
    /** Wrong lots listed by name at most. */
    private static final int LISTED = 8;

    public LotReport {
        outcomes = List.copyOf(outcomes);
    }

    /** Lots whose bulk breaks the grade they were filled as (foreign material past a limit). */
    List<LotOutcome> offGrade() {
        return outcomes.stream().filter(o -> !o.lot().meetsNominal()).toList();
    }

    /** Share of lots whose dominant grade is the grade they were filled as: the goal's lot-level accuracy. */
    public double accuracy() {
        return share(outcomes, LotOutcome::nominalGraded);
    }

    /** Share of lots whose fold answer is what the catalogue's criteria ask for ({@link LotOutcome#right()}). */
    public double rightByCriteria() {
        return share(outcomes, LotOutcome::right);
    }

    /** Whether the accuracy goal is met (true when the set is not held to it). */
    public boolean meetsGoal() {
        return !heldToGoal || accuracy() >= GOAL;
    }

    /** Share of all lots marked NEEDS_INSPECTION. */
    public double inspectedShare() {
        return share(outcomes, LotOutcome::inspected);
    }

    /** Expected calibration error of the lots' confidences against their being right, over {@link #BINS} bins. */
    public double ece() {
        double ece = 0;
        for (Bin bin : bins()) {
            ece += (double) bin.lots / outcomes.size() * Math.abs(bin.accuracy() - bin.meanConfidence());
        }
        return ece;
    }

    private List<Bin> bins() {
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            bins.add(new Bin());
        }
        for (LotOutcome o : outcomes) {
            Bin bin = bins.get(Math.min(BINS - 1, (int) (o.confidence() * BINS)));
            bin.lots++;
            bin.confidenceSum += o.confidence();
            bin.right += o.right() ? 1 : 0;
        }
        return bins;
    }

    /** The report as printed by {@code evaluate-lots}. */
    public String format() {
        StringBuilder out = new StringBuilder(title).append('\n');
        List<LotOutcome> held = outcomes.stream().filter(LotOutcome::inspected).toList();
        out.append(String.format(Locale.ROOT,
                "  lots %d, readings %d; dominant grade = grade filled as: %.4f (%d); right by the catalogue's criteria: %.4f (%d);"
                        + " NEEDS_INSPECTION %.1f%% (%d); wrong and not held for inspection %d%n",
                outcomes.size(), outcomes.stream().mapToInt(o -> o.lot().pieces().size()).sum(),
                accuracy(), outcomes.stream().filter(LotOutcome::nominalGraded).count(),
                rightByCriteria(), outcomes.stream().filter(LotOutcome::right).count(), 100 * inspectedShare(), held.size(),
                outcomes.stream().filter(o -> !o.right() && !o.inspected()).count()));
        out.append(String.format(Locale.ROOT, "  lot confidence: mean %.3f, ECE %.4f; mean UNCERTAIN mass share %.3f%n",
                outcomes.stream().mapToDouble(LotOutcome::confidence).average().orElse(0), ece(),
                outcomes.stream().mapToDouble(LotOutcome::uncertainMassShare).average().orElse(0)));
        out.append("  by material: ").append(byMaterial()).append('\n');
        out.append("  reliability (confidence bin: lots, mean confidence, share right):");
        List<Bin> bins = bins();
        for (int b = 0; b < BINS; b++) {
            Bin bin = bins.get(b);
            if (bin.lots > 0) {
                out.append(String.format(Locale.ROOT, " [%.1f-%.1f) %d %.3f %.3f;", b / (double) BINS, (b + 1) / (double) BINS,
                        bin.lots, bin.meanConfidence(), bin.accuracy()));
            }
        }
        out.append('\n');
        if (heldToGoal) {
            out.append(String.format(Locale.ROOT, "  goal lot accuracy >= %.2f: %s%n", GOAL, meetsGoal() ? "met" : "NOT met"));
        }
        List<LotOutcome> off = offGrade();
        double foreign = outcomes.stream().mapToDouble(o -> o.lot().foreignMassShare()).average().orElse(0);
        if (foreign > 0) {
            out.append(String.format(Locale.ROOT, "  foreign pieces: %.1f%% of the lots' mass on average%n", 100 * foreign));
        }
        if (!off.isEmpty()) {
            out.append(String.format(Locale.ROOT,
                    "  bulk breaks its grade's criteria: %d lots; held for inspection %d, graded a grade its bulk meets %d,"
                            + " passed as the grade it was filled as %d%n",
                    off.size(), off.stream().filter(LotOutcome::inspected).count(),
                    off.stream().filter(o -> !o.inspected() && o.right()).count(),
                    off.stream().filter(o -> !o.inspected() && o.nominalGraded()).count()));
        }
        outcomes.stream().filter(o -> !o.right()).limit(LISTED).forEach(o -> out.append(String.format(Locale.ROOT,
                "  wrong: %s %s%s -> %s, confidence %.3f, %s, UNCERTAIN mass %.2f%n", o.lot().lotId(), o.lot().nominalGrade(),
                o.lot().meetsNominal() ? "" : " (bulk: " + o.lot().breach() + ")", o.dominantGrade(), o.confidence(), o.status(),
                o.uncertainMassShare())));
        return out.toString();
    }

    private String byMaterial() {
        Map<String, List<LotOutcome>> groups = outcomes.stream().collect(Collectors.groupingBy(
                o -> GradeCatalogue.get().materialOf(o.lot().nominalGrade()).name(), TreeMap::new, Collectors.toList()));
        return groups.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.3f (%d, inspected %.0f%%)", e.getKey(),
                share(e.getValue(), LotOutcome::nominalGraded), e.getValue().size(), 100 * share(e.getValue(), LotOutcome::inspected)))
                .collect(Collectors.joining(", "));
    }

    private static double share(List<LotOutcome> lots, java.util.function.Predicate<LotOutcome> test) {
        return lots.isEmpty() ? 0 : (double) lots.stream().filter(test).count() / lots.size();
    }

    /** One reliability bin. */
    private static final class Bin {
        int lots;
        double confidenceSum;
        int right;

        double meanConfidence() {
            return lots == 0 ? 0 : confidenceSum / lots;
        }

        double accuracy() {
            return lots == 0 ? 0 : (double) right / lots;
        }
    }
}
