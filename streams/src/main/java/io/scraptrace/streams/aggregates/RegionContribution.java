package io.scraptrace.streams.aggregates;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.Site;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.util.Map;

/**
 * What one graded reading adds to its region's aggregates. It is all the repartition by region
 * carries, so it holds figures, not the whole reading.
 *
 * @param region     the site's region, {@value #UNKNOWN_REGION} for an unregistered site
 * @param grade      grade code or UNCERTAIN
 * @param material   material of the grade (UNKNOWN for UNCERTAIN)
 * @param highGrade  whether the grade is high grade
 * @param massKg     mass of the reading
 * @param liKg       contained lithium (composition wt% x mass)
 * @param niKg       contained nickel
 * @param coKg       contained cobalt
 * @param confidence the model's confidence
 * @param firstOfLot whether the reading opened its lot
 * @param gradedAt   when the sorter graded it, epoch ms
 */
public record RegionContribution(String region, String grade, String material, boolean highGrade, double massKg,
                                 double liKg, double niKg, double coKg, double confidence, boolean firstOfLot, long gradedAt) {
    /** Region of readings from sites missing from the registry. */
    public static final String UNKNOWN_REGION = "UNKNOWN";

    /** The contribution of {@code reading} from {@code site} (null when unregistered). */
    public static RegionContribution of(GradedReading reading, boolean firstOfLot, Site site) {
        GradeCatalogue catalogue = GradeCatalogue.get();
        String grade = reading.getGrade();
        Material material = catalogue.materialOf(grade);
        double mass = reading.getMassKg();
        Map<String, Double> composition = reading.getComposition();
        return new RegionContribution(site == null ? UNKNOWN_REGION : site.getRegion(), grade, material.name(),
                catalogue.isHighGrade(grade), mass, contained(composition, "Li", mass), contained(composition, "Ni", mass),
                contained(composition, "Co", mass), reading.getConfidence(), firstOfLot, reading.getGradedAt().toEpochMilli());
    }

    /** Whether the model was too unsure to grade it. */
    public boolean uncertain() {
        return Grade.UNCERTAIN.equals(grade);
    }

    private static double contained(Map<String, Double> composition, String element, double massKg) {
        return composition.getOrDefault(element, 0.0) / 100.0 * massKg;
    }
}
