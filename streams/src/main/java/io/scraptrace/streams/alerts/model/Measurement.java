package io.scraptrace.streams.alerts.model;

/**
 * What the graded lots of a declaration measured together.
 *
 * @param grade    mass-weighted dominant grade, null when no lot was graded
 * @param massKg   total graded mass of the declaration's lots
 * @param strength how much of the declared mass was graded with confidence, and how surely
 */
public record Measurement(String grade, double massKg, EvidenceStrength strength) {
    /** Nothing measured (no lot graded). */
    public static final Measurement NONE = new Measurement(null, 0.0, EvidenceStrength.NONE);

    public Measurement {
        // State written before the strength was kept has none.
        strength = strength == null ? EvidenceStrength.NONE : strength;
    }
}
