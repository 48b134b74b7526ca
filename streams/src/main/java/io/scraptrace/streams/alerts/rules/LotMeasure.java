package io.scraptrace.streams.alerts.rules;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.streams.alerts.model.LotAnswer;
import io.scraptrace.streams.alerts.model.Measurement;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Mass-weighted grade of a set of graded lots: the grade with the most mass, UNCERTAIN only when
 * nothing else was measured; ties go to the alphabetically first code so re-checks are stable.
 */
public final class LotMeasure {
    private LotMeasure() {
    }

    /** Mass by grade summed over the answered lots. */
    public static Map<String, Double> massByGrade(Collection<LotAnswer> answers) {
        Map<String, Double> total = new HashMap<>();
        answers.forEach(a -> a.facts().massByGrade().forEach((grade, kg) -> total.merge(grade, kg, Double::sum)));
        return total;
    }

    /** The dominant grade and total mass of the answered lots. */
    public static Measurement of(Collection<LotAnswer> answers) {
        return of(massByGrade(answers));
    }

    /** The dominant grade and total mass of a mass-by-grade map. */
    public static Measurement of(Map<String, Double> massByGrade) {
        if (massByGrade.isEmpty()) {
            return Measurement.NONE;
        }
        boolean onlyUncertain = massByGrade.keySet().stream().allMatch(Grade.UNCERTAIN::equals);
        String dominant = massByGrade.entrySet().stream()
                .filter(e -> onlyUncertain || !Grade.UNCERTAIN.equals(e.getKey()))
                .max(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
        double total = massByGrade.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Measurement(dominant, total);
    }
}
