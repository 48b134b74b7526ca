package io.scraptrace.specimens;

import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/** Turns what a piece really is into what one sensor reports about it, noise included. */
final class SensorModel {
    private static final double DENSITY_RELATIVE_SIGMA_XRT = 0.01;
    private static final double DENSITY_RELATIVE_SIGMA_ASSAY = 0.002;
    private static final double MAGNETIC_SIGMA = 0.01;
    private static final double THICKNESS_RELATIVE_SIGMA = 0.05;
    private static final double MOISTURE_SIGMA_NIR = 0.3;
    private static final double MOISTURE_SIGMA_ASSAY = 0.05;

    private SensorModel() {
    }

    /** Fills the measured fields of {@code reading} (sensor, mass, composition and optional fields). */
    static Reading.Builder measure(PieceProperties piece, Sensor sensor, RandomGenerator random, Reading.Builder reading) {
        SensorProfile profile = SensorProfile.of(sensor);
        reading.setSensor(sensor)
                .setMassKg(round(piece.massKg() * profile.massFactor(), 2))
                .setComposition(profile.composition() ? composition(piece.composition(), sensor, profile, random) : Map.of())
                .setDensityGcc(profile.density() ? round(noisy(piece.densityGcc(), densitySigma(sensor, piece), random), 3) : null)
                .setMagneticFraction(profile.magnetic()
                        ? round(clamp(noisy(piece.magneticFraction(), MAGNETIC_SIGMA, random), 0, 1), 4) : null)
                .setThicknessMm(profile.thickness() && piece.thicknessMm() != null
                        ? round(Math.max(0.05, noisy(piece.thicknessMm(), THICKNESS_RELATIVE_SIGMA * piece.thicknessMm(), random)), 2)
                        : null)
                .setMoisturePct(profile.moisture()
                        ? round(Math.max(0, noisy(piece.moisturePct(), sensor == Sensor.ASSAY ? MOISTURE_SIGMA_ASSAY : MOISTURE_SIGMA_NIR, random)), 2)
                        : null);
        return reading;
    }

    private static Map<String, Double> composition(Map<String, Double> truth, Sensor sensor, SensorProfile profile,
                                                   RandomGenerator random) {
        Map<String, Double> measured = new TreeMap<>();
        // By element symbol: noise is drawn per element, and the seed must reproduce it in every JVM.
        new TreeMap<>(truth).forEach((element, value) -> {
            if (!profile.lightElements() && SensorProfile.BELOW_SODIUM.contains(element)) {
                return;
            }
            double sigma = profile.absoluteSigma() + profile.relativeSigma() * value;
            if (sensor == Sensor.XRF && SensorProfile.WEAK_IN_XRF.contains(element)) {
                sigma *= SensorProfile.WEAK_XRF_FACTOR;
            }
            measured.put(element, clamp(noisy(value, sigma, random), 0, 100));
        });
        // Noise can push a near-pure metal past 100 %; analysers normalise such totals.
        double total = CompositionSampler.total(measured);
        double scale = total > 100 ? 100 / total : 1;
        measured.replaceAll((element, value) -> round(value * scale, 4));
        return measured;
    }

    private static double densitySigma(Sensor sensor, PieceProperties piece) {
        return (sensor == Sensor.ASSAY ? DENSITY_RELATIVE_SIGMA_ASSAY : DENSITY_RELATIVE_SIGMA_XRT) * piece.densityGcc();
    }

    private static double noisy(double value, double sigma, RandomGenerator random) {
        return value + sigma * random.nextGaussian();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double round(double value, int decimals) {
        double factor = Math.pow(10, decimals);
        return Math.round(value * factor) / factor;
    }
}
