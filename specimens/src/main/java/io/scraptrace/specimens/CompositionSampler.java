package io.scraptrace.specimens;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.Range;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Draws the true composition of a piece of a grade, every element within its catalogue range.
 * For metals (typical values adding up to nearly 100 %) the base element is the balance: it takes
 * up what the other elements drew above or below their typical value, as in a real alloy. Powders
 * (black mass) leave the unreported rest (oxygen, binder) free.
 */
final class CompositionSampler {
    /** Typical values adding up to at least this make a grade a balanced alloy. */
    private static final double BALANCED_ALLOY_TOTAL = 95.0;
    private static final int REDRAWS = 20;

    private CompositionSampler() {
    }

    static Map<String, Double> draw(Grade grade, RandomGenerator random) {
        for (int attempt = 0; attempt < REDRAWS; attempt++) {
            Map<String, Double> drawn = isBalancedAlloy(grade) ? drawBalanced(grade, random) : drawFree(grade, random);
            if (drawn != null && total(drawn) <= 100.0) {
                return drawn;
            }
        }
        Map<String, Double> typical = new LinkedHashMap<>();
        grade.composition().forEach((element, range) -> typical.put(element, range.typical()));
        return typical;
    }

    /** The element with the largest typical share: the base metal, or graphite in black mass. */
    static String majorElement(Grade grade) {
        return grade.composition().entrySet().stream()
                .max(Comparator.comparingDouble(e -> e.getValue().typical()))
                .orElseThrow(() -> new IllegalArgumentException("grade " + grade.code() + " has no composition"))
                .getKey();
    }

    private static boolean isBalancedAlloy(Grade grade) {
        return grade.composition().values().stream().mapToDouble(Range::typical).sum() >= BALANCED_ALLOY_TOTAL;
    }

    private static Map<String, Double> drawFree(Grade grade, RandomGenerator random) {
        Map<String, Double> drawn = new LinkedHashMap<>();
        inElementOrder(grade).forEach((element, range) -> drawn.put(element, RangeSampler.draw(range, random)));
        return drawn;
    }

    /**
     * The grade's ranges by element symbol. The catalogue's maps are immutable copies whose
     * iteration order changes from one JVM to the next; draws must not, or a seed would not
     * reproduce its pieces.
     */
    private static Map<String, Range> inElementOrder(Grade grade) {
        return new TreeMap<>(grade.composition());
    }

    /** Null when the balance would leave its range; the caller redraws. */
    private static Map<String, Double> drawBalanced(Grade grade, RandomGenerator random) {
        String base = majorElement(grade);
        Map<String, Double> drawn = new LinkedHashMap<>();
        double deviation = 0;
        for (Map.Entry<String, Range> entry : inElementOrder(grade).entrySet()) {
            if (!entry.getKey().equals(base)) {
                double value = RangeSampler.draw(entry.getValue(), random);
                deviation += value - entry.getValue().typical();
                drawn.put(entry.getKey(), value);
            }
        }
        Range baseRange = grade.composition().get(base);
        double balance = Math.min(baseRange.typical() - deviation, 100.0 - total(drawn));
        if (!baseRange.contains(balance)) {
            return null;
        }
        drawn.put(base, balance);
        return drawn;
    }

    static double total(Map<String, Double> composition) {
        return composition.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
