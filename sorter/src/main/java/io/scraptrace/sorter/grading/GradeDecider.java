package io.scraptrace.sorter.grading;

import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns class probabilities into a grade: the most probable grade, or {@code UNCERTAIN} when its
 * probability is below the confidence threshold (CONTRACT section 4). Material comes from the
 * most probable grade even when uncertain; high grade is only claimed for a confident grade.
 */
public final class GradeDecider {
    /** Configuration key of the threshold. */
    public static final String THRESHOLD_KEY = "sorter.confidence.threshold";
    /** Default threshold. */
    public static final double DEFAULT_THRESHOLD = 0.6;

    private final double threshold;
    private final GradeCatalogue catalogue;

    public GradeDecider(double threshold, GradeCatalogue catalogue) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException(THRESHOLD_KEY + " must be in [0, 1], was " + threshold);
        }
        this.threshold = threshold;
        this.catalogue = catalogue;
    }

    /**
     * The decision for one row of probabilities over {@code labels}.
     *
     * @param labels grade codes, in output order
     * @param probs  probabilities, {@code labels.size()} of them
     */
    public Decision decide(List<String> labels, double[] probs) {
        int best = 0;
        Map<String, Double> byGrade = new HashMap<>(labels.size() * 2);
        for (int i = 0; i < probs.length; i++) {
            byGrade.put(labels.get(i), probs[i]);
            if (probs[i] > probs[best]) {
                best = i;
            }
        }
        String top = labels.get(best);
        boolean confident = probs[best] >= threshold;
        return new Decision(confident ? top : Grade.UNCERTAIN, top, probs[best], catalogue.materialOf(top),
                confident && catalogue.isHighGrade(top), byGrade);
    }

    /**
     * A grading decision.
     *
     * @param grade         grade code or UNCERTAIN
     * @param topGrade      most probable grade code
     * @param confidence    probability of the most probable grade
     * @param material      material of the most probable grade
     * @param highGrade     whether the (confident) grade is high grade
     * @param probabilities grade code -> probability
     */
    public record Decision(String grade, String topGrade, double confidence, Material material, boolean highGrade,
                           Map<String, Double> probabilities) {
    }
}
