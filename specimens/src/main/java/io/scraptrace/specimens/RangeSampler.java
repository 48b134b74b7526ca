package io.scraptrace.specimens;

import io.scraptrace.schemas.grades.Range;
import java.util.random.RandomGenerator;

/**
 * Draws values that cluster around a range's typical value and stay within min..max: a normal
 * whose spread on each side is scaled to that side's distance to the bound, because catalogue
 * ranges are often lopsided (e.g. Cu 0.02 / 0.12 / 0.20).
 */
final class RangeSampler {
    /** Half-width of a side in standard deviations; 2.5 puts ~1 % of raw draws past a bound. */
    private static final double SIDE_SIGMAS = 2.5;
    private static final int REDRAWS = 8;

    private RangeSampler() {
    }

    static double draw(Range range, RandomGenerator random) {
        for (int attempt = 0; attempt < REDRAWS; attempt++) {
            double z = random.nextGaussian();
            double side = z < 0 ? range.typical() - range.min() : range.max() - range.typical();
            double value = range.typical() + z * side / SIDE_SIGMAS;
            if (range.contains(value)) {
                return value;
            }
        }
        return range.typical();
    }

    /** A uniform draw in [min, max). */
    static double uniform(double min, double max, RandomGenerator random) {
        return min + (max - min) * random.nextDouble();
    }
}
