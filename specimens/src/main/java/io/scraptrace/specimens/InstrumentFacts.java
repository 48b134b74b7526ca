package io.scraptrace.specimens;

import io.scraptrace.avro.Sensor;

/**
 * What the instruments on a line can be relied on for, beside the composition panels and detection
 * limits of {@link SensorProfile}: the precision of the gauges that report thickness, density and
 * magnetic share, how far a station's calibration may drift before its reference check fails, and
 * the floor of a short element list. The generator measures pieces with these figures and the
 * sorter's catalogue check allows for them, so the two cannot drift apart; neither derives them
 * from the other.
 *
 * <p>Standing of the figures, honestly: all are project figures, not vendor specifications or
 * published limits (the calibration check itself is published practice, its window is not fixed
 * there); the gauge precisions are of the order belt instruments are described with ("to a few
 * %"). A plant replaces them with its own instruments' data.
 */
public final class InstrumentFacts {
    /**
     * Largest relative error of a station's calibration per element that its routine check lets
     * pass; a station further off is recalibrated. Field-portable XRF practice checks a
     * calibration verification sample against its reference value at the start, during and at the
     * end of every working day (EPA SW-846 Method 6200, section 9.4 "Calibration Verification
     * Checks"); the acceptance window is the plant's QA plan's. 10 % is this project's choice, not
     * a published limit.
     */
    public static final double CALIBRATION_TOLERANCE = 0.10;
    /** Relative standard deviation of belt thickness gauges (laser triangulation, ultrasonic): project figure. */
    public static final double THICKNESS_RELATIVE_SIGMA = 0.03;
    /** Relative standard deviation of an X-ray transmission density estimate: project figure. */
    public static final double DENSITY_RELATIVE_SIGMA_XRT = 0.01;
    /** Relative standard deviation of a laboratory (pycnometer) density: project figure. */
    public static final double DENSITY_RELATIVE_SIGMA_ASSAY = 0.002;
    /** Standard deviation of a magnetic-share reading (mass share lifted by a drum magnet): project figure. */
    public static final double MAGNETIC_SIGMA = 0.01;
    /**
     * Elements below this wt% are left out by a station set to a short element list (a grade-ID
     * mode reporting the alloying elements and the tramp elements it is told to watch): project figure.
     */
    public static final double SHORT_LIST_FLOOR_PCT = 0.1;

    private InstrumentFacts() {
    }

    /** Standard deviation of a density of {@code densityGcc} reported by {@code sensor}. */
    public static double densitySigma(Sensor sensor, double densityGcc) {
        return (sensor == Sensor.ASSAY ? DENSITY_RELATIVE_SIGMA_ASSAY : DENSITY_RELATIVE_SIGMA_XRT) * densityGcc;
    }
}
