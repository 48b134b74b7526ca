package io.scraptrace.specimens;

import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Turns what a piece really is into what one station reports about it: the sensor's element panel,
 * the station's calibration bias, noise that grows as a concentration falls toward the detection
 * limit, the station's way of reporting values below it, and optional fields now and then missing.
 */
final class SensorModel {
    private static final double MOISTURE_SIGMA_NIR = 0.3;
    private static final double MOISTURE_SIGMA_ASSAY = 0.05;
    /** A piece whose elements add up to this is a metal an analyser reports by balance; black mass is not. */
    private static final double METAL_TOTAL_PCT = 95.0;

    private SensorModel() {
    }

    /**
     * Fills the measured fields of {@code reading} (sensor, station, mass, composition and optional
     * fields).
     *
     * @param trampElements elements a short element list still reports (the grade's tramp limits)
     */
    static Reading.Builder measure(PieceProperties piece, Station station, Set<String> trampElements, RandomGenerator random,
                                   Reading.Builder reading) {
        SensorProfile profile = SensorProfile.of(station.sensor());
        double missing = station.realism().missingFieldRate();
        reading.setSensor(station.sensor())
                .setStationId(station.id())
                .setMassKg(round(piece.massKg() * profile.massFactor(), 2))
                .setComposition(profile.composition() ? composition(piece.composition(), station, profile, trampElements, random) : Map.of());
        Double density = present(profile.density(), missing, random)
                ? round(noisy(piece.densityGcc(), InstrumentFacts.densitySigma(station.sensor(), piece.densityGcc()), random), 3) : null;
        Double magnetic = present(profile.magnetic(), missing, random)
                ? round(clamp(noisy(piece.magneticFraction(), InstrumentFacts.MAGNETIC_SIGMA, random), 0, 1), 4) : null;
        Double thickness = present(profile.thickness() && piece.thicknessMm() != null, missing, random)
                ? round(Math.max(0.05, noisy(piece.thicknessMm(), InstrumentFacts.THICKNESS_RELATIVE_SIGMA * piece.thicknessMm(), random)), 2)
                : null;
        Double moisture = present(profile.moisture(), missing, random)
                ? round(Math.max(0, noisy(piece.moisturePct(),
                        station.sensor() == Sensor.ASSAY ? MOISTURE_SIGMA_ASSAY : MOISTURE_SIGMA_NIR, random)), 2)
                : null;
        return reading.setDensityGcc(density).setMagneticFraction(magnetic).setThicknessMm(thickness).setMoisturePct(moisture);
    }

    /** Whether a field the sensor measures made it into the reading; always draws, so seeds stay aligned. */
    private static boolean present(boolean measured, double missingRate, RandomGenerator random) {
        boolean dropped = random.nextDouble() < missingRate;
        return measured && !dropped;
    }

    private static Map<String, Double> composition(Map<String, Double> truth, Station station, SensorProfile profile,
                                                   Set<String> trampElements, RandomGenerator random) {
        double lodScale = station.realism().lodScale();
        Map<String, Double> measured = new TreeMap<>();
        // By element symbol: noise is drawn per element, and the seed must reproduce it in every JVM.
        new TreeMap<>(truth).forEach((element, value) -> {
            if (!profile.sees(element)) {
                return;
            }
            double biased = value * station.calibration(element);
            double reported = clamp(noisy(biased, profile.sigma(element, biased, lodScale), random), 0, 100);
            double lod = profile.detectionLimit(element) * lodScale;
            if (station.shortList() && value < InstrumentFacts.SHORT_LIST_FLOOR_PCT && !trampElements.contains(element)) {
                return;
            }
            if (reported < lod) {
                switch (station.belowLimit()) {
                    case ZERO -> measured.put(element, 0.0);
                    case AT_LIMIT -> measured.put(element, lod);
                    case OMITTED -> {
                        // Not reported.
                    }
                }
                return;
            }
            measured.put(element, reported);
        });
        String major = truth.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (CompositionSampler.total(truth) >= METAL_TOTAL_PCT && measured.containsKey(major)) {
            // Alloy modes report the base metal as the balance of what they measured, so its error
            // is the sum of the others' errors, not its own share of a relative bias.
            double others = CompositionSampler.total(measured) - measured.get(major);
            measured.put(major, Math.max(0, 100 - others));
        }
        // Noise and bias can push a total past 100 %; analysers normalise such totals.
        double total = CompositionSampler.total(measured);
        double scale = total > 100 ? 100 / total : 1;
        measured.replaceAll((element, value) -> round(value * scale, 4));
        return measured;
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
