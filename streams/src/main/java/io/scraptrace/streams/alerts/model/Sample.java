package io.scraptrace.streams.alerts.model;

/**
 * One declaration's figure in a rolling baseline.
 *
 * @param declarationId whose figure it is, so a re-sent declaration is counted once
 * @param value         the figure (JPY per tonne, or kg)
 */
public record Sample(String declarationId, double value) {
}
