package io.scraptrace.streams.alerts.rules;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.streams.alerts.model.EvidenceStrength;
import io.scraptrace.streams.alerts.model.LotAnswer;
import io.scraptrace.streams.alerts.model.Measurement;
import io.scraptrace.streams.lots.LotState;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mass-weighted grade of a set of graded lots: their summed masses by grade, judged by the same rule
 * as a single lot ({@link LotState#dominantGrade(Map)}), with the strength of that evidence against
 * the declared mass.
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

    /** The dominant grade, total mass and evidence strength of the answered lots of a declaration of {@code declaredKg}. */
    public static Measurement of(Collection<LotAnswer> answers, double declaredKg) {
        Map<String, Double> massByGrade = massByGrade(answers);
        if (massByGrade.isEmpty()) {
            return Measurement.NONE;
        }
        double total = massByGrade.values().stream().mapToDouble(Double::doubleValue).sum();
        double uncertain = massByGrade.getOrDefault(Grade.UNCERTAIN, 0.0);
        long readings = answers.stream().mapToLong(a -> a.facts().readings()).sum();
        double confidenceSum = answers.stream().mapToDouble(a -> a.facts().confidenceSum()).sum();
        Set<String> versions = new TreeSet<>();
        answers.forEach(a -> versions.addAll(a.facts().modelVersions()));
        EvidenceStrength strength = new EvidenceStrength(share(total - uncertain, declaredKg), share(uncertain, declaredKg),
                readings == 0 ? 0.0 : confidenceSum / readings, List.copyOf(versions));
        return new Measurement(LotState.dominantGrade(massByGrade), total, strength);
    }

    private static double share(double kg, double declaredKg) {
        // A declaration of no mass has all of it covered by whatever was graded.
        return declaredKg <= 0 ? (kg > 0 ? 1.0 : 0.0) : Math.min(1.0, kg / declaredKg);
    }
}
