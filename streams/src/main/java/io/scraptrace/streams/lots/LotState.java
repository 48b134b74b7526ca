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
 * @param confidenceKgByGrade per grade code, the sum of mass x confidence of the readings graded so
 *                       (what the lot's confidence is made of)
 * @param contained      contained element mass (kg) of {@link #ELEMENTS}: composition wt% x mass, summed
 * @param digest         running digest of its graded records ({@link LotDigest})
 */
public record LotState(String lotId, String siteId, Map<String, Double> massKgByGrade, long readings, double confidenceSum,
                       long firstReadingAt, long lastReadingAt, long lastGradedAt, Set<String> modelVersions,
                       Map<String, Double> confidenceKgByGrade, Map<String, Double> contained, LotDigest digest) {
    /** Elements whose contained mass a lot keeps: the battery metals its passport reports. */
    public static final List<String> ELEMENTS = List.of("Li", "Ni", "Co");

    public LotState {
        massKgByGrade = Map.copyOf(massKgByGrade);
        modelVersions = Set.copyOf(modelVersions);
        confidenceKgByGrade = Map.copyOf(confidenceKgByGrade);
        contained = Map.copyOf(contained);
    }

    /** The state of a lot after its first reading. */
    public static LotState of(GradedReading reading) {
        long measured = reading.getTimestamp().toEpochMilli();
        return new LotState(reading.getLotId(), reading.getSiteId(), Map.of(), 0, 0.0, measured, measured, 0, Set.of(),
                Map.of(), Map.of(), LotDigest.initial()).add(reading);
    }

    /** The state after one more reading. */
    public LotState add(GradedReading reading) {
        double mass = reading.getMassKg();
        Map<String, Double> masses = new HashMap<>(massKgByGrade);
        masses.merge(reading.getGrade(), mass, Double::sum);
        Map<String, Double> confident = new HashMap<>(confidenceKgByGrade);
        confident.merge(reading.getGrade(), mass * reading.getConfidence(), Double::sum);
        Map<String, Double> elements = new HashMap<>(contained);
        for (String element : ELEMENTS) {
            Double pct = reading.getComposition().get(element);
            if (pct != null && pct > 0) {
                elements.merge(element, pct / 100.0 * mass, Double::sum);
            }
        }
        Set<String> versions = new TreeSet<>(modelVersions);
        versions.add(reading.getModelVersion());
        long measured = reading.getTimestamp().toEpochMilli();
        return new LotState(lotId, siteId, masses, readings + 1, confidenceSum + reading.getConfidence(),
                Math.min(firstReadingAt, measured), Math.max(lastReadingAt, measured),
                Math.max(lastGradedAt, reading.getGradedAt().toEpochMilli()), versions, confident, elements, digest.next(reading));
    }

    /** Total graded mass. */
    public double massKg() {
        return massKgByGrade.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Mean confidence of its readings, each reading counting once whatever its mass. */
    public double meanConfidence() {
        return readings == 0 ? 0.0 : confidenceSum / readings;
    }

    /**
     * The lot's confidence in its dominant grade: the mass graded as that grade weighted by each
     * reading's confidence, over the lot's whole mass. A lot is only as sure as its readings are and
     * only as pure as its mass is: UNCERTAIN or other-grade mass lowers it, a heavy confident reading
     * counts more than a light one.
     */
    public double confidence() {
        double mass = massKg();
        return mass <= 0 ? 0.0 : confidenceKgByGrade.getOrDefault(dominantGrade(), 0.0) / mass;
    }

    /** Share of the lot's mass graded UNCERTAIN (0-1). */
    public double uncertainMassShare() {
        double mass = massKg();
        return mass <= 0 ? 0.0 : massKgByGrade.getOrDefault(Grade.UNCERTAIN, 0.0) / mass;
    }

    /** Contained mass of {@code element} (kg); 0 when no reading reported it. */
    public double containedKg(String element) {
        return contained.getOrDefault(element, 0.0);
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
