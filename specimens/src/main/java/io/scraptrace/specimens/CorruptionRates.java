package io.scraptrace.specimens;

/**
 * Shares of generated pieces that are mislabelled or contaminated; the two are exclusive, so they
 * must add up to at most 1.
 *
 * @param mislabelled  share of pieces labelled with a neighbouring grade
 * @param contaminated share of pieces carrying foreign material
 */
public record CorruptionRates(double mislabelled, double contaminated) {
    /** Every piece clean. */
    public static final CorruptionRates NONE = new CorruptionRates(0, 0);

    public CorruptionRates {
        if (mislabelled < 0 || contaminated < 0 || mislabelled + contaminated > 1) {
            throw new IllegalArgumentException("rates must be >= 0 and add up to <= 1: mislabelled="
                    + mislabelled + ", contaminated=" + contaminated);
        }
    }

    /** The corruption a uniform draw {@code u} in [0, 1) falls on. */
    Corruption pick(double u) {
        if (u < mislabelled) {
            return Corruption.MISLABELLED;
        }
        return u < mislabelled + contaminated ? Corruption.CONTAMINATED : Corruption.CLEAN;
    }
}
