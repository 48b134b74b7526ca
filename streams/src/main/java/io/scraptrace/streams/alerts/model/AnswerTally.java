package io.scraptrace.streams.alerts.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lot answers of one declaration summed: mass by grade, readings, confidence and the model
 * versions that graded them. An answer replaced by a newer one about the same lot is subtracted
 * and the new one added, so an update costs the same however many lots the declaration lists.
 * Sums are exact (every double is a finite binary fraction, so {@link BigDecimal} adds and
 * subtracts them without rounding): taking an answer out leaves exactly the sum of the others,
 * whatever order the answers came in, and a re-sent identical answer changes nothing.
 *
 * @param grades        grade code (or UNCERTAIN) -> its summed mass and how many answers carry it
 * @param readings      readings of the answered lots
 * @param confidenceSum summed confidence of those readings
 * @param modelVersions model version -> how many answers name it
 */
public record AnswerTally(Map<String, GradeSum> grades, long readings, BigDecimal confidenceSum, Map<String, Integer> modelVersions) {
    /**
     * One grade's part of the tally.
     *
     * @param kg      summed mass
     * @param answers answers whose lot has mass of this grade
     */
    public record GradeSum(BigDecimal kg, int answers) {
    }

    public AnswerTally {
        grades = Collections.unmodifiableMap(new TreeMap<>(grades));
        modelVersions = Collections.unmodifiableMap(new TreeMap<>(modelVersions));
    }

    /** No answer yet. */
    public static AnswerTally empty() {
        return new AnswerTally(Map.of(), 0, BigDecimal.ZERO, Map.of());
    }

    /** This tally with the answer about a lot whose facts are {@code facts} added. */
    public AnswerTally plus(LotFacts facts) {
        return add(facts, 1);
    }

    /** This tally with an answer about a lot whose facts were {@code facts} taken out. */
    public AnswerTally minus(LotFacts facts) {
        return add(facts, -1);
    }

    private AnswerTally add(LotFacts facts, int sign) {
        Map<String, GradeSum> sums = new HashMap<>(grades);
        facts.massByGrade().forEach((grade, kg) -> {
            GradeSum was = sums.getOrDefault(grade, new GradeSum(BigDecimal.ZERO, 0));
            GradeSum now = new GradeSum(was.kg().add(signed(kg, sign)), was.answers() + sign);
            if (now.answers() == 0) {
                sums.remove(grade);
            } else {
                sums.put(grade, now);
            }
        });
        Map<String, Integer> versions = new HashMap<>(modelVersions);
        facts.modelVersions().forEach(version -> {
            int count = versions.getOrDefault(version, 0) + sign;
            if (count == 0) {
                versions.remove(version);
            } else {
                versions.put(version, count);
            }
        });
        return new AnswerTally(sums, readings + sign * facts.readings(), confidenceSum.add(signed(facts.confidenceSum(), sign)), versions);
    }

    private static BigDecimal signed(double value, int sign) {
        BigDecimal exact = new BigDecimal(value);
        return sign < 0 ? exact.negate() : exact;
    }

    /** Summed mass by grade, in kg. */
    public Map<String, Double> massByGradeKg() {
        Map<String, Double> kg = new HashMap<>();
        grades.forEach((grade, sum) -> kg.put(grade, sum.kg().doubleValue()));
        return kg;
    }
}
