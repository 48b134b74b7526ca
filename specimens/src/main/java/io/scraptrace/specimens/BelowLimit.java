package io.scraptrace.specimens;

/**
 * How an analyser reports an element it measured below its limit of detection: instruments and
 * their export settings differ, and a plant sends whatever its station is set to.
 */
public enum BelowLimit {
    /** Reported as 0. */
    ZERO,
    /** Reported as the limit itself ("< LOD" exported as the LOD). */
    AT_LIMIT,
    /** Left out of the composition. */
    OMITTED
}
