package io.scraptrace.streams.alerts.model;

/**
 * What the destination check receives, keyed by destination: a consent change, or a LOTS verdict
 * to complete with the Basel consent check. Exactly one field is set.
 *
 * @param consent a consent granted or revoked
 * @param verdict a LOTS verdict of a declaration to this destination
 */
public record DestinationEvent(ConsentChange consent, Verdict verdict) {
    /** An event carrying a consent change. */
    public static DestinationEvent of(ConsentChange consent) {
        return new DestinationEvent(consent, null);
    }

    /** An event carrying a verdict. */
    public static DestinationEvent of(Verdict verdict) {
        return new DestinationEvent(null, verdict);
    }
}
