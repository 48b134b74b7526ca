package io.scraptrace.sorter.features;

import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import io.scraptrace.specimens.SensorProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a reading into the sensor model's fixed-length feature row: log composition of a fixed
 * element list (each floored at the reporting sensor's detection limit), density, magnetic fraction and log thickness each with a missing-indicator, log
 * mass, and the sensor type one-hot. Rejects what no model can score (NaN, infinities, values
 * outside their physical range) with an {@link UnscorableException}.
 */
public final class SensorFeatures {
    /** Elements the model sees, in feature order; others in a reading are ignored. */
    public static final List<String> ELEMENTS = List.of(
            "Fe", "Cu", "Sn", "Cr", "Ni", "Mo", "Mn", "Si", "Mg", "Zn", "Al", "Co", "Li", "P", "C", "Pb");
    /** Feature names in row order (stored with the model's normalisation). */
    public static final List<String> NAMES = names();
    /** Length of one feature row. */
    public static final int COUNT = NAMES.size();

    /*
     * Grades differ by tramp elements at 0.01-0.4 wt% next to base metals at 99 wt%: a log scale
     * keeps both visible to the network. Each element is floored at the reporting sensor's limit
     * of detection, so "not reported", "reported as 0", "reported as the LOD" and "below the LOD"
     * are one and the same feature value, whatever convention a station exports. Elements the
     * sensor cannot see at all (Li and C by XRF) take a fixed value, whatever a reading claims.
     */
    private static final double NOT_MEASURED_PCT = 0.001;
    private static final Sensor[] SENSORS = Sensor.values();
    /** floor[sensor][element]: the value below which a reported share carries no information. */
    private static final double[][] FLOOR = floors();

    private SensorFeatures() {
    }

    /** Write the features of {@code reading} into {@code out[offset .. offset + COUNT)}. */
    public static void extract(Reading reading, float[] out, int offset) throws UnscorableException {
        Map<String, Double> composition = reading.getComposition();
        for (Map.Entry<String, Double> e : composition.entrySet()) {
            check("composition." + e.getKey(), e.getValue(), 0, 100);
        }
        Sensor sensor = reading.getSensor();
        if (sensor == null) {
            throw new UnscorableException("sensor", "sensor is missing");
        }
        double[] floor = FLOOR[sensor.ordinal()];
        int i = offset;
        for (int e = 0; e < ELEMENTS.size(); e++) {
            Double pct = composition.get(ELEMENTS.get(e));
            double value = Double.isInfinite(floor[e]) ? NOT_MEASURED_PCT : Math.max(pct == null ? 0 : pct, floor[e]);
            out[i++] = (float) Math.log(value);
        }
        i = optional(out, i, "densityGcc", reading.getDensityGcc(), 0, 25, false);
        i = optional(out, i, "magneticFraction", reading.getMagneticFraction(), 0, 1, false);
        i = optional(out, i, "thicknessMm", reading.getThicknessMm(), 0, 10_000, true);
        double mass = check("massKg", reading.getMassKg(), Double.MIN_VALUE, Double.MAX_VALUE);
        out[i++] = (float) Math.log(mass);
        for (Sensor s : SENSORS) {
            out[i++] = s == sensor ? 1f : 0f;
        }
    }

    /** Value then missing-indicator; a missing value is written as 0 and flagged 1. */
    private static int optional(float[] out, int i, String field, Double value, double min, double max, boolean logScale)
            throws UnscorableException {
        if (value == null) {
            out[i] = 0f;
            out[i + 1] = 1f;
        } else {
            double v = check(field, value, min, max);
            out[i] = (float) (logScale ? Math.log1p(v) : v);
            out[i + 1] = 0f;
        }
        return i + 2;
    }

    private static double check(String field, Double value, double min, double max) throws UnscorableException {
        if (value == null || !Double.isFinite(value)) {
            throw new UnscorableException(field, field + " is " + value);
        }
        if (value < min || value > max) {
            throw new UnscorableException(field, field + " = " + value + " outside [" + min + ", " + max + "]");
        }
        return value;
    }

    private static double[][] floors() {
        double[][] floors = new double[SENSORS.length][ELEMENTS.size()];
        for (Sensor sensor : SENSORS) {
            SensorProfile profile = SensorProfile.of(sensor);
            for (int e = 0; e < ELEMENTS.size(); e++) {
                floors[sensor.ordinal()][e] = profile.detectionLimit(ELEMENTS.get(e));
            }
        }
        return floors;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        ELEMENTS.forEach(e -> names.add("log_" + e));
        for (String optional : List.of("densityGcc", "magneticFraction", "log1p_thicknessMm")) {
            names.add(optional);
            names.add(optional + "_missing");
        }
        names.add("log_massKg");
        for (Sensor s : Sensor.values()) {
            names.add("sensor_" + s.name());
        }
        return List.copyOf(names);
    }
}
