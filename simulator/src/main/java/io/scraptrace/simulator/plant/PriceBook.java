package io.scraptrace.simulator.plant;

import io.scraptrace.avro.Material;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Typical export prices in JPY per tonne by material, with the +/- 15 % spread of real invoices. */
final class PriceBook {
    private static final Map<Material, Double> JPY_PER_TONNE = Map.of(
            Material.FERROUS, 55_000.0,
            Material.ALUMINIUM, 260_000.0,
            Material.COPPER, 1_250_000.0,
            Material.MIXED_METAL, 180_000.0,
            Material.BLACK_MASS, 450_000.0);
    private static final double SPREAD = 0.15;

    private PriceBook() {
    }

    /** A plausible price per tonne of {@code material}. */
    static double perTonne(Material material, RandomGenerator random) {
        return JPY_PER_TONNE.get(material) * (1 - SPREAD + 2 * SPREAD * random.nextDouble());
    }
}
