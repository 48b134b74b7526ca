package io.scraptrace.specimens;

/**
 * How real instruments depart from an ideal one when they measure a piece. The default
 * ({@link #REALISTIC}) mixes what a fleet of stations does; the other settings force one behaviour
 * on every station, which is how the sorter's robustness suite shifts the data.
 *
 * @param fullElementList  true: every station reports every element it sees; false: every station
 *                         reports only elements at or above {@link InstrumentFacts#SHORT_LIST_FLOOR_PCT} wt% and
 *                         the grade's tramp elements (an analyser set to a short element list);
 *                         null: one station in {@value #SHORT_LIST_ONE_IN} is set to the short list
 * @param belowLimit       how values below the LOD are reported; null: each station its own way
 * @param lodScale         multiplier of every sensor's detection limits (1 = nominal)
 * @param biasSigma        standard deviation of each station's relative calibration bias per element
 * @param missingFieldRate chance that an optional field a sensor measures (density, magnetic
 *                         fraction, thickness, moisture) is missing from a reading
 * @param stationsPerSensor stations of each sensor type a generator spreads readings over
 */
public record SensorRealism(Boolean fullElementList, BelowLimit belowLimit, double lodScale, double biasSigma,
                            double missingFieldRate, int stationsPerSensor) {
    /** One station in this many reports a short element list in the realistic mix. */
    public static final int SHORT_LIST_ONE_IN = 3;

    /**
     * Stations as found on a line: a few % relative calibration bias per element (three standard
     * deviations within {@link InstrumentFacts#CALIBRATION_TOLERANCE}, what a station's reference
     * check lets pass; {@link Station} clips at three), mixed below-LOD
     * conventions, some short element lists, an optional field missing now and then.
     */
    public static final SensorRealism REALISTIC = new SensorRealism(null, null, 1.0, 0.03, 0.05, 4);

    /** One perfectly calibrated station per sensor reporting everything it sees, below-LOD values as 0. */
    public static final SensorRealism IDEAL = new SensorRealism(true, BelowLimit.ZERO, 1.0, 0, 0, 1);

    public SensorRealism {
        if (!(lodScale > 0) || biasSigma < 0 || missingFieldRate < 0 || missingFieldRate > 1 || stationsPerSensor < 1) {
            throw new IllegalArgumentException("lodScale > 0, biasSigma >= 0, missingFieldRate in [0, 1], stations >= 1");
        }
    }

    /** The same with every station reporting its full element list (true) or a short one (false). */
    public SensorRealism withFullElementList(boolean full) {
        return new SensorRealism(full, belowLimit, lodScale, biasSigma, missingFieldRate, stationsPerSensor);
    }

    /** The same with every station reporting below-LOD values as {@code convention}. */
    public SensorRealism withBelowLimit(BelowLimit convention) {
        return new SensorRealism(fullElementList, convention, lodScale, biasSigma, missingFieldRate, stationsPerSensor);
    }

    /** The same with detection limits scaled by {@code scale}. */
    public SensorRealism withLodScale(double scale) {
        return new SensorRealism(fullElementList, belowLimit, scale, biasSigma, missingFieldRate, stationsPerSensor);
    }

    /** The same with calibration bias of standard deviation {@code sigma}. */
    public SensorRealism withBiasSigma(double sigma) {
        return new SensorRealism(fullElementList, belowLimit, lodScale, sigma, missingFieldRate, stationsPerSensor);
    }

    /** The same with optional fields missing at {@code rate}. */
    public SensorRealism withMissingFieldRate(double rate) {
        return new SensorRealism(fullElementList, belowLimit, lodScale, biasSigma, rate, stationsPerSensor);
    }
}
