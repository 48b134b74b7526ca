package io.scraptrace.streams.alerts.rules;

import io.scraptrace.streams.alerts.model.LotAnswer;
import io.scraptrace.streams.alerts.model.Measurement;
import io.scraptrace.streams.lots.LotState;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Mass-weighted grade of a set of graded lots: their summed masses by grade, judged by the same rule
 * as a single lot ({@link LotState#dominantGrade(Map)}).
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

    /** The dominant grade ({@link LotState#dominantGrade(Map)}) and total mass of a mass-by-grade map. */
    public static Measurement of(Map<String, Double> massByGrade) {
        if (massByGrade.isEmpty()) {
            return Measurement.NONE;
        }
        double total = massByGrade.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Measurement(LotState.dominantGrade(massByGrade), total);
    }
}
