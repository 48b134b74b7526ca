package io.scraptrace.specimens;

import io.scraptrace.avro.Material;
import java.util.Map;

/**
 * How much of each material makes one lot: the mass a plant fills a lot to before it starts the
 * next. A truck or container load of each kind, spread +-30 % around the median. These are the
 * project's working figures for its plant simulator and lot evaluation (an order of magnitude of a
 * small truck load, black mass in a few big bags), not published statistics.
 */
public final class LotMass {
    /** Median lot mass in kg by material. */
    private static final Map<Material, Double> MEDIAN_KG = Map.of(
            Material.FERROUS, 3000.0,
            Material.ALUMINIUM, 1200.0,
            Material.COPPER, 500.0,
            Material.MIXED_METAL, 1500.0,
            Material.BLACK_MASS, 4000.0);
    /** Lots run from this share of the median... */
    private static final double LOW = 0.7;
    /** ...to this share above it. */
    private static final double SPREAD = 0.6;

    private LotMass() {
    }

    /** The target mass of a lot of {@code material} for a uniform draw {@code u} in [0, 1). */
    public static double targetKg(Material material, double u) {
        Double median = MEDIAN_KG.get(material);
        if (median == null) {
            throw new IllegalArgumentException("no lot mass for " + material);
        }
        return median * (LOW + SPREAD * u);
    }
}
