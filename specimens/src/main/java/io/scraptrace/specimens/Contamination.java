package io.scraptrace.specimens;

import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The foreign material typical of each material family, added to a clean piece: copper motor
 * windings in shredded steel, steel inserts in aluminium castings, brass fittings in copper,
 * loose steel in Zorba, aluminium foil fines in black mass. The added share displaces the piece's
 * major element so the composition still adds up.
 *
 * @param element       the contaminating element
 * @param minPct        least wt% added
 * @param maxPct        most wt% added
 * @param magneticShift change of the magnetic fraction per wt% added
 */
record Contamination(String element, double minPct, double maxPct, double magneticShift) {

    private static final Map<Material, Contamination> BY_MATERIAL = Map.of(
            Material.FERROUS, new Contamination("Cu", 0.3, 1.2, -0.04),
            Material.ALUMINIUM, new Contamination("Fe", 1.0, 4.0, 0.025),
            Material.COPPER, new Contamination("Zn", 2.0, 8.0, 0.0),
            Material.MIXED_METAL, new Contamination("Fe", 3.0, 8.0, 0.015),
            Material.BLACK_MASS, new Contamination("Al", 3.0, 8.0, 0.0));

    /** The contamination of a material family. */
    static Contamination of(Material material) {
        Contamination contamination = BY_MATERIAL.get(material);
        if (contamination == null) {
            throw new IllegalArgumentException("no contamination model for " + material);
        }
        return contamination;
    }

    /** The piece with a random amount of this contaminant mixed in. */
    PieceProperties applyTo(Grade grade, PieceProperties clean, RandomGenerator random) {
        double added = RangeSampler.uniform(minPct, maxPct, random);
        String major = CompositionSampler.majorElement(grade);
        Map<String, Double> composition = new LinkedHashMap<>(clean.composition());
        composition.merge(element, added, Double::sum);
        composition.computeIfPresent(major, (e, value) -> Math.max(0, value - added));
        double magnetic = Math.min(1, Math.max(0, clean.magneticFraction() + magneticShift * added));
        return new PieceProperties(composition, clean.densityGcc(), magnetic, clean.thicknessMm(),
                clean.moisturePct(), clean.massKg());
    }
}
