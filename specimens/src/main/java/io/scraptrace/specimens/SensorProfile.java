package io.scraptrace.specimens;

import io.scraptrace.avro.Sensor;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What one sensor type reports and how precisely. A composition value is measured with standard
 * deviation {@code absoluteSigma + relativeSigma * value}: analysers have a floor near their
 * detection limit and a relative error on major elements.
 *
 * @param composition      whether it reports element shares at all
 * @param lightElements    whether it sees elements lighter than sodium (Li, C); XRF cannot
 * @param absoluteSigma    composition noise floor, wt%
 * @param relativeSigma    composition noise relative to the value
 * @param density          whether it reports densityGcc
 * @param magnetic         whether it reports magneticFraction
 * @param thickness        whether it reports thicknessMm (never for powders)
 * @param moisture         whether it reports moisturePct
 * @param massFactor       how many typical portions one reading of this sensor covers
 */
record SensorProfile(boolean composition, boolean lightElements, double absoluteSigma, double relativeSigma,
                     boolean density, boolean magnetic, boolean thickness, boolean moisture, double massFactor) {

    /** Elements lighter than sodium that appear in the catalogue: invisible to XRF. */
    static final Set<String> BELOW_SODIUM = Set.of("H", "Li", "Be", "B", "C", "N", "O", "F");
    /** Light elements XRF does see, but with several times its usual error (weak fluorescence). */
    static final Set<String> WEAK_IN_XRF = Set.of("Mg", "Al", "Si", "P");
    /** Error multiplier for {@link #WEAK_IN_XRF} elements. */
    static final double WEAK_XRF_FACTOR = 4.0;

    private static final Map<Sensor, SensorProfile> PROFILES = profiles();

    /** The profile of a sensor type. */
    static SensorProfile of(Sensor sensor) {
        return PROFILES.get(sensor);
    }

    private static Map<Sensor, SensorProfile> profiles() {
        Map<Sensor, SensorProfile> map = new EnumMap<>(Sensor.class);
        map.put(Sensor.XRF, new SensorProfile(true, false, 0.01, 0.005, false, true, true, false, 1));
        map.put(Sensor.LIBS, new SensorProfile(true, true, 0.02, 0.015, false, true, true, false, 1));
        map.put(Sensor.ASSAY, new SensorProfile(true, true, 0.001, 0.001, true, false, false, true, 1));
        map.put(Sensor.XRT, new SensorProfile(false, false, 0, 0, true, true, true, false, 1));
        map.put(Sensor.MAGNETIC, new SensorProfile(false, false, 0, 0, false, true, false, false, 1));
        map.put(Sensor.NIR, new SensorProfile(false, false, 0, 0, false, false, false, true, 1));
        // A weighbridge weighs a whole load, not a piece on a belt.
        map.put(Sensor.WEIGHBRIDGE, new SensorProfile(false, false, 0, 0, false, false, false, false, 25));
        return map;
    }
}
