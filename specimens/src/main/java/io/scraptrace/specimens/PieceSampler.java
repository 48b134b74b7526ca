package io.scraptrace.specimens;

import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.Range;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws what a clean piece of a grade really is: composition, density, magnetic fraction and
 * thickness from the catalogue, moisture and portion mass from typical yard figures (the
 * catalogue does not define them).
 */
final class PieceSampler {
    /** Moisture in wt%: metals are dry unless rained on; black mass holds electrolyte residue and water. */
    private static final Map<Material, Range> MOISTURE = Map.of(
            Material.FERROUS, new Range(0.0, 0.5, 3.0),
            Material.ALUMINIUM, new Range(0.0, 0.3, 2.0),
            Material.COPPER, new Range(0.0, 0.2, 1.5),
            Material.MIXED_METAL, new Range(0.0, 0.8, 4.0),
            Material.BLACK_MASS, new Range(0.5, 2.0, 6.0));

    /** Median mass in kg of the portion one belt reading covers; black mass is sampled per big bag. */
    private static final Map<Material, Double> PORTION_KG = Map.of(
            Material.FERROUS, 60.0,
            Material.ALUMINIUM, 20.0,
            Material.COPPER, 8.0,
            Material.MIXED_METAL, 25.0,
            Material.BLACK_MASS, 400.0);

    /** Heavy plate (>= 6 mm) comes in pieces several times heavier than sheet. */
    private static final double HEAVY_THICKNESS_MM = 6.0;
    private static final double HEAVY_FACTOR = 3.0;
    /** Log-normal spread of portion masses. */
    private static final double MASS_LOG_SIGMA = 0.4;

    private PieceSampler() {
    }

    static PieceProperties draw(Grade grade, RandomGenerator random) {
        Map<String, Double> composition = CompositionSampler.draw(grade, random);
        double density = RangeSampler.draw(grade.densityGcc(), random);
        double magnetic = RangeSampler.draw(grade.magneticFraction(), random);
        Double thickness = grade.thicknessMm() == null ? null : RangeSampler.draw(grade.thicknessMm(), random);
        double moisture = RangeSampler.draw(MOISTURE.get(grade.material()), random);
        double median = PORTION_KG.get(grade.material())
                * (thickness != null && thickness >= HEAVY_THICKNESS_MM ? HEAVY_FACTOR : 1);
        double mass = median * Math.exp(MASS_LOG_SIGMA * random.nextGaussian());
        return new PieceProperties(composition, density, magnetic, thickness, moisture, mass);
    }
}
