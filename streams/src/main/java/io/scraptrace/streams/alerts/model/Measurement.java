package io.scraptrace.streams.alerts.model;

/**
 * What the graded lots of a declaration measured together.
 *
 * @param grade  mass-weighted dominant grade, null when no lot was graded
 * @param massKg total graded mass of the declaration's lots
 */
public record Measurement(String grade, double massKg) {
    /** Nothing measured (no lot graded). */
    public static final Measurement NONE = new Measurement(null, 0.0);
}
