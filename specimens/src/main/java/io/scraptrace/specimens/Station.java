package io.scraptrace.specimens;

import io.scraptrace.avro.Sensor;
import java.util.SplittableRandom;

/**
 * One measuring station: a sensor with its own calibration and export settings. Its relative bias
 * per element and its conventions follow from its id, so a station measures the same way in every
 * run and every JVM.
 *
 * @param id         station id, e.g. {@code XRF-2}
 * @param sensor     sensor type
 * @param belowLimit how it reports values below the LOD
 * @param shortList  whether it reports only a short element list
 * @param realism    the realism it was made with (bias size, LOD scale)
 */
record Station(String id, Sensor sensor, BelowLimit belowLimit, boolean shortList, SensorRealism realism) {

    /** Station number {@code number} (1-based) of {@code sensor}. */
    static Station of(Sensor sensor, int number, SensorRealism realism) {
        String id = sensor.name() + "-" + number;
        long seed = id.hashCode();
        BelowLimit convention = realism.belowLimit() != null ? realism.belowLimit()
                : BelowLimit.values()[Math.floorMod(seed * 31 + 7, BelowLimit.values().length)];
        boolean shortList = realism.fullElementList() != null ? !realism.fullElementList()
                : number % SensorRealism.SHORT_LIST_ONE_IN == 0;
        return new Station(id, sensor, convention, shortList, realism);
    }

    /** This station's multiplicative calibration factor for {@code element} (1 = unbiased). */
    double calibration(String element) {
        if (realism.biasSigma() == 0) {
            return 1;
        }
        double z = new SplittableRandom(((long) id.hashCode() << 32) ^ element.hashCode()).nextGaussian();
        // A bias past three standard deviations would fail the station's reference check.
        return 1 + realism.biasSigma() * Math.max(-3, Math.min(3, z));
    }
}
