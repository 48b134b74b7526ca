package io.scraptrace.sorter.grading;

import io.scraptrace.avro.Material;
import io.scraptrace.avro.Reading;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns class probabilities into a grade. The catalogue decides what a reading can be: grades
 * whose published ranges the reading breaks ({@link CatalogueFit}) get probability 0 and the rest
 * are renormalised; a reading that fits no grade is {@code UNCERTAIN}, whatever the network says.
 * Among the grades it fits, the most probable one is the grade, or {@code UNCERTAIN} when its
 * probability is below the confidence threshold (CONTRACT section 4). Material comes from the most
 * probable grade even when uncertain; high grade is only claimed for a confident grade. Every
 * {@code UNCERTAIN} decision carries its reason.
 */
public final class GradeDecider {
    /** Configuration key of the threshold. */
    public static final String THRESHOLD_KEY = "sorter.confidence.threshold";
    /** Default threshold. */
    public static final double DEFAULT_THRESHOLD = 0.6;

    private final double threshold;
    private final GradeCatalogue catalogue;
    private final CatalogueFit fit;
    private final Map<String, Integer> catalogueIndex = new HashMap<>();

    public GradeDecider(double threshold, GradeCatalogue catalogue) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException(THRESHOLD_KEY + " must be in [0, 1], was " + threshold);
        }
        this.threshold = threshold;
        this.catalogue = catalogue;
        this.fit = new CatalogueFit(catalogue);
        List<String> codes = catalogue.codes();
        for (int i = 0; i < codes.size(); i++) {
            catalogueIndex.put(codes.get(i), i);
        }
    }

    /**
     * The decision for the model's probabilities of {@code reading}, held to the catalogue.
     *
     * @param labels  grade codes, in output order
     * @param probs   probabilities, {@code labels.size()} of them; overwritten with the held ones
     * @param reading the reading they are for
     */
    public Decision decide(List<String> labels, double[] probs, Reading reading) {
        boolean[] byCatalogue = fit.fits(reading);
        boolean[] fits = new boolean[probs.length];
        int fitting = 0;
        double kept = 0;
        for (int i = 0; i < probs.length; i++) {
            Integer index = catalogueIndex.get(labels.get(i));
            fits[i] = index != null && byCatalogue[index];
            if (fits[i]) {
                fitting++;
                kept += probs[i];
            }
        }
        if (fitting == 0) {
            int networkTop = argMax(probs);
            String top = labels.get(networkTop);
            String why = catalogue.find(top).map(g -> fit.misfit(g, reading)).orElse("not a catalogue grade");
            return new Decision(Grade.UNCERTAIN, top, probs[networkTop], catalogue.materialOf(top), false, byGrade(labels, probs),
                    "fits no catalogue grade; nearest by the model " + top + ": " + why);
        }
        for (int i = 0; i < probs.length; i++) {
            // When the network gave the fitting grades no mass at all, they share it evenly.
            probs[i] = !fits[i] ? 0 : kept > 0 ? probs[i] / kept : 1.0 / fitting;
        }
        return decide(labels, probs);
    }

    /**
     * The decision for one row of probabilities over {@code labels}, by the threshold alone.
     *
     * @param labels grade codes, in output order
     * @param probs  probabilities, {@code labels.size()} of them
     */
    public Decision decide(List<String> labels, double[] probs) {
        int best = argMax(probs);
        String top = labels.get(best);
        boolean confident = probs[best] >= threshold;
        String reason = confident ? null : String.format(Locale.ROOT, "confidence %.2f below %.2f: %s", probs[best], threshold,
                runnersUp(labels, probs));
        return new Decision(confident ? top : Grade.UNCERTAIN, top, probs[best], catalogue.materialOf(top),
                confident && catalogue.isHighGrade(top), byGrade(labels, probs), reason);
    }

    /** The two most probable grades with their probabilities, e.g. "FE_HS 0.52, FE_H1 0.41". */
    private static String runnersUp(List<String> labels, double[] probs) {
        int first = argMax(probs);
        int second = -1;
        for (int i = 0; i < probs.length; i++) {
            if (i != first && (second < 0 || probs[i] > probs[second])) {
                second = i;
            }
        }
        String text = String.format(Locale.ROOT, "%s %.2f", labels.get(first), probs[first]);
        return second < 0 ? text : text + String.format(Locale.ROOT, ", %s %.2f", labels.get(second), probs[second]);
    }

    private static Map<String, Double> byGrade(List<String> labels, double[] probs) {
        Map<String, Double> byGrade = new HashMap<>(labels.size() * 2);
        for (int i = 0; i < probs.length; i++) {
            byGrade.put(labels.get(i), probs[i]);
        }
        return byGrade;
    }

    private static int argMax(double[] probs) {
        int best = 0;
        for (int i = 1; i < probs.length; i++) {
            if (probs[i] > probs[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * A grading decision.
     *
     * @param grade          grade code or UNCERTAIN
     * @param topGrade       most probable grade code
     * @param confidence     probability of the most probable grade
     * @param material       material of the most probable grade
     * @param highGrade      whether the (confident) grade is high grade
     * @param probabilities  grade code -> probability
     * @param uncertainReason why the grade is UNCERTAIN; null otherwise
     */
    public record Decision(String grade, String topGrade, double confidence, Material material, boolean highGrade,
                           Map<String, Double> probabilities, String uncertainReason) {
    }
}
