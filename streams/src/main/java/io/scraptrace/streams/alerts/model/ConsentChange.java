package io.scraptrace.streams.alerts.model;

/**
 * A consent granted, updated or revoked, routed to its destination.
 *
 * @param consent the consent (for a revocation: the one revoked)
 * @param revoked whether it was revoked
 */
public record ConsentChange(Consent consent, boolean revoked) {
}
