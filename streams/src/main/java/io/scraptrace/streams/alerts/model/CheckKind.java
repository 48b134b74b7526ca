package io.scraptrace.streams.alerts.model;

/**
 * The independent checks a declaration goes through, each on its own keying; the final alert is
 * assembled once every one of them has reported.
 */
public enum CheckKind {
    /** Lots, site registry, mass balance and Basel consent (keyed by origin site, then destination). */
    LOTS,
    /** Value per tonne against the rolling median of its HS code. */
    VALUE,
    /** Mass against the exporter's own rolling mean. */
    VOLUME
}
