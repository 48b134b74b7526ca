package io.scraptrace.specimens;

/** How a generated piece departs from a clean, correctly labelled piece of its grade. */
public enum Corruption {
    /** Measured as its grade says and labelled with it. */
    CLEAN,
    /** Carries foreign material (e.g. copper windings in shredded steel); labelled with its true grade. */
    CONTAMINATED,
    /** Measured as its true grade but labelled with a neighbouring grade. */
    MISLABELLED
}
