package io.scraptrace.specimens;

import io.scraptrace.avro.Material;
import io.scraptrace.avro.Sensor;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which sensor measures a piece, by material: a weighted choice. {@link #ALL_STATIONS} includes
 * stations that report no composition (XRT, magnet, NIR, weighbridge), as a real line does;
 * {@link #ANALYSERS} keeps to composition analysers, for data whose grade must be recoverable.
 */
public final class SensorMix {
    /** Every station type, with black mass sampled by LIBS, assay and NIR (moisture). */
    public static final SensorMix ALL_STATIONS = new SensorMix(Map.of(
            Material.FERROUS, weights(Sensor.XRF, 0.40, Sensor.LIBS, 0.20, Sensor.XRT, 0.15, Sensor.MAGNETIC, 0.10,
                    Sensor.ASSAY, 0.05, Sensor.WEIGHBRIDGE, 0.10),
            Material.ALUMINIUM, weights(Sensor.XRF, 0.30, Sensor.LIBS, 0.35, Sensor.XRT, 0.20, Sensor.ASSAY, 0.05,
                    Sensor.WEIGHBRIDGE, 0.10),
            Material.COPPER, weights(Sensor.XRF, 0.45, Sensor.LIBS, 0.25, Sensor.XRT, 0.10, Sensor.ASSAY, 0.10,
                    Sensor.WEIGHBRIDGE, 0.10),
            Material.MIXED_METAL, weights(Sensor.XRF, 0.35, Sensor.LIBS, 0.25, Sensor.XRT, 0.20, Sensor.MAGNETIC, 0.10,
                    Sensor.WEIGHBRIDGE, 0.10),
            Material.BLACK_MASS, weights(Sensor.LIBS, 0.40, Sensor.ASSAY, 0.30, Sensor.XRF, 0.15, Sensor.NIR, 0.10,
                    Sensor.WEIGHBRIDGE, 0.05)));

    /** Composition analysers only; LIBS and assay dominate for black mass because XRF misses Li and C. */
    public static final SensorMix ANALYSERS = new SensorMix(Map.of(
            Material.FERROUS, weights(Sensor.XRF, 0.60, Sensor.LIBS, 0.30, Sensor.ASSAY, 0.10),
            Material.ALUMINIUM, weights(Sensor.XRF, 0.40, Sensor.LIBS, 0.50, Sensor.ASSAY, 0.10),
            Material.COPPER, weights(Sensor.XRF, 0.60, Sensor.LIBS, 0.25, Sensor.ASSAY, 0.15),
            Material.MIXED_METAL, weights(Sensor.XRF, 0.55, Sensor.LIBS, 0.40, Sensor.ASSAY, 0.05),
            Material.BLACK_MASS, weights(Sensor.LIBS, 0.50, Sensor.ASSAY, 0.35, Sensor.XRF, 0.15)));

    private final Map<Material, Map<Sensor, Double>> weights;

    private SensorMix(Map<Material, Map<Sensor, Double>> weights) {
        this.weights = Map.copyOf(weights);
    }

    /** A mix where every material is measured by the one sensor given. */
    public static SensorMix only(Sensor sensor) {
        Map<Material, Map<Sensor, Double>> weights = new EnumMap<>(Material.class);
        for (Material material : Material.values()) {
            weights.put(material, Map.of(sensor, 1.0));
        }
        return new SensorMix(weights);
    }

    /**
     * The same mix without {@code sensor}, the others keeping their relative weights; a material
     * only {@code sensor} measured is an error.
     */
    public SensorMix without(Sensor sensor) {
        Map<Material, Map<Sensor, Double>> rest = new EnumMap<>(Material.class);
        weights.forEach((material, mix) -> {
            Map<Sensor, Double> kept = new LinkedHashMap<>(mix);
            kept.remove(sensor);
            if (kept.isEmpty()) {
                throw new IllegalArgumentException("only " + sensor + " measures " + material);
            }
            rest.put(material, kept);
        });
        return new SensorMix(rest);
    }

    /** The sensor a uniform draw {@code u} in [0, 1) picks for a piece of {@code material}. */
    Sensor pick(Material material, double u) {
        Map<Sensor, Double> mix = weights.get(material);
        if (mix == null) {
            throw new IllegalArgumentException("no sensor mix for " + material);
        }
        double total = mix.values().stream().mapToDouble(Double::doubleValue).sum();
        double cumulative = 0;
        Sensor last = null;
        for (Map.Entry<Sensor, Double> entry : mix.entrySet()) {
            cumulative += entry.getValue() / total;
            last = entry.getKey();
            if (u < cumulative) {
                return last;
            }
        }
        return last;
    }

    private static Map<Sensor, Double> weights(Object... sensorWeightPairs) {
        // Insertion order fixes the cumulative order, which keeps picks deterministic per seed.
        Map<Sensor, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < sensorWeightPairs.length; i += 2) {
            map.put((Sensor) sensorWeightPairs[i], (Double) sensorWeightPairs[i + 1]);
        }
        return map;
    }
}
