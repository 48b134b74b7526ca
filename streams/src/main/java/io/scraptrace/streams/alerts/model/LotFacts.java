package io.scraptrace.streams.alerts.model;

import io.scraptrace.avro.GradedReading;
import java.util.HashMap;
import java.util.Map;

/**
 * What grading measured of one lot so far: its site and the mass of its deduplicated readings by
 * grade.
 *
 * @param siteId      site of the lot's first reading; a lot belongs to the site that graded it
 * @param massByGrade grade code (or UNCERTAIN) -> kg
 * @param readings    number of distinct readings
 */
public record LotFacts(String siteId, Map<String, Double> massByGrade, long readings) {
    public LotFacts {
        massByGrade = Map.copyOf(massByGrade);
    }

    /** The facts of a lot whose first reading this is. */
    public static LotFacts first(GradedReading reading) {
        return new LotFacts(reading.getSiteId(), Map.of(), 0).plus(reading);
    }

    /** Total graded mass of the lot, UNCERTAIN readings included. */
    public double massKg() {
        return massByGrade.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** These facts with one more distinct reading. */
    public LotFacts plus(GradedReading reading) {
        Map<String, Double> masses = new HashMap<>(massByGrade);
        masses.merge(reading.getGrade(), reading.getMassKg(), Double::sum);
        return new LotFacts(siteId, masses, readings + 1);
    }
}
