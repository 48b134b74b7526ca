package io.scraptrace.specimens;

import io.scraptrace.avro.Material;

/**
 * How much of each material makes one lot: the mass a plant fills a lot to before it starts the
 * next. A truck or container load of each kind, spread +-30 % around the median. These are the
 * project's working figures for its plant simulator and lot evaluation (an order of magnitude of a
 * small truck load, black mass in a few big bags), not published statistics.
 */
public final class LotMass {
    /** Lots run from this share of the median... */
    private static final double LOW = 0.7;
    /** ...to this share above it. */
    private static final double SPREAD = 0.6;

    private LotMass() {
    }

    /** The target mass of a lot of {@code material} for a uniform draw {@code u} in [0, 1). */
    public static double targetKg(Material material, double u) {
        return medianKg(material) * (LOW + SPREAD * u);
    }

    /** Median lot mass in kg of {@code material}. */
    public static double medianKg(Material material) {
        return switch (material) {
            case FERROUS -> 3000;
            case ALUMINIUM -> 1200;
            case COPPER -> 500;
            case MIXED_METAL -> 1500;
            case BLACK_MASS -> 4000;
            default -> throw new IllegalArgumentException("no lot mass for " + material);
        };
    }
}
