package io.scraptrace.streams.alerts.rules;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.streams.alerts.model.AnswerTally;
import io.scraptrace.streams.alerts.model.EvidenceStrength;
import io.scraptrace.streams.alerts.model.Measurement;
import io.scraptrace.streams.lots.LotState;
import java.util.List;
import java.util.Map;

/**
 * Mass-weighted grade of a set of graded lots: their summed masses by grade, judged by the same rule
 * as a single lot ({@link LotState#dominantGrade(Map)}), with the strength of that evidence against
 * the declared mass.
 */
public final class LotMeasure {
    private LotMeasure() {
    }

    /**
     * The dominant grade, total mass and evidence strength of the answered lots of a declaration of
     * {@code declaredKg}, from their {@code tally} (whose mass by grade is {@code massByGrade}).
     */
    public static Measurement of(AnswerTally tally, Map<String, Double> massByGrade, double declaredKg) {
        if (massByGrade.isEmpty()) {
            return Measurement.NONE;
        }
        double total = massByGrade.values().stream().mapToDouble(Double::doubleValue).sum();
        double uncertain = massByGrade.getOrDefault(Grade.UNCERTAIN, 0.0);
        long readings = tally.readings();
        double confidenceSum = tally.confidenceSum().doubleValue();
        // The tally's versions are sorted.
        EvidenceStrength strength = new EvidenceStrength(share(total - uncertain, declaredKg), share(uncertain, declaredKg),
                readings == 0 ? 0.0 : confidenceSum / readings, List.copyOf(tally.modelVersions().keySet()));
        return new Measurement(LotState.dominantGrade(massByGrade), total, strength);
    }

    private static double share(double kg, double declaredKg) {
        // A declaration of no mass has all of it covered by whatever was graded.
        return declaredKg <= 0 ? (kg > 0 ? 1.0 : 0.0) : Math.min(1.0, kg / declaredKg);
    }
}
