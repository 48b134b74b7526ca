package io.scraptrace.streams.lots;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Set;

/**
 * What is known about one lot from its deduplicated graded readings. Immutable: {@link #add}
 * returns the next state, which keeps the aggregation free of aliasing surprises.
 *
 * @param lotId          the lot
 * @param siteId         site of its readings (the first reading's site)
 * @param massKgByGrade  graded mass per grade code, UNCERTAIN included
 * @param readings       number of readings
 * @param confidenceSum  sum of the readings' confidences
 * @param firstReadingAt earliest measurement time, epoch ms
 * @param lastReadingAt  latest measurement time, epoch ms
 * @param lastGradedAt   when the sorter graded the latest reading, epoch ms (drives the status)
 * @param modelVersions  model versions that graded it
 */
public record LotState(String lotId, String siteId, Map<String, Double> massKgByGrade, long readings, double confidenceSum,
                       long firstReadingAt, long lastReadingAt, long lastGradedAt, Set<String> modelVersions) {

    public LotState {
        massKgByGrade = Map.copyOf(massKgByGrade);
        modelVersions = Set.copyOf(modelVersions);
    }

    /** The state of a lot after its first reading. */
    public static LotState of(GradedReading reading) {
        long measured = reading.getTimestamp().toEpochMilli();
        return new LotState(reading.getLotId(), reading.getSiteId(), Map.of(), 0, 0.0, measured, measured, 0, Set.of()).add(reading);
    }

    /** The state after one more reading. */
    public LotState add(GradedReading reading) {
        Map<String, Double> masses = new HashMap<>(massKgByGrade);
        masses.merge(reading.getGrade(), reading.getMassKg(), Double::sum);
        Set<String> versions = new TreeSet<>(modelVersions);
        versions.add(reading.getModelVersion());
        long measured = reading.getTimestamp().toEpochMilli();
        return new LotState(lotId, siteId, masses, readings + 1, confidenceSum + reading.getConfidence(),
                Math.min(firstReadingAt, measured), Math.max(lastReadingAt, measured),
                Math.max(lastGradedAt, reading.getGradedAt().toEpochMilli()), versions);
    }

    /** Total graded mass. */
    public double massKg() {
        return massKgByGrade.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Mean confidence of its readings. */
    public double meanConfidence() {
        return readings == 0 ? 0.0 : confidenceSum / readings;
    }

    /** The grade with the most mass, as {@link #dominantGrade(Map)} defines it. */
    public String dominantGrade() {
        return dominantGrade(massKgByGrade);
    }

    /**
     * The grade with the most mass in {@code massKgByGrade}; UNCERTAIN only when nothing else was
     * graded, because an unsure model must not outvote what it did recognise. The one definition of a
     * lot's (or a set of lots') grade: views and alert rules must agree on it.
     */
    public static String dominantGrade(Map<String, Double> massKgByGrade) {
        Optional<String> certain = heaviest(massKgByGrade.entrySet().stream()
                .filter(e -> !Grade.UNCERTAIN.equals(e.getKey())).toList());
        return certain.orElse(Grade.UNCERTAIN);
    }

    /** Material of the dominant grade (UNKNOWN when the lot is all UNCERTAIN). */
    public Material material() {
        return GradeCatalogue.get().materialOf(dominantGrade());
    }

    private static Optional<String> heaviest(List<Map.Entry<String, Double>> entries) {
        // Ties go to the alphabetically first code so every instance renders the same answer.
        return entries.stream()
                .max(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }
}
