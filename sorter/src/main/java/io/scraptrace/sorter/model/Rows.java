package io.scraptrace.sorter.model;

/**
 * A batch of input rows, flat and row-major; {@code values} may be longer than needed so callers
 * can reuse one buffer across batches.
 *
 * @param values row values
 * @param count  number of rows
 */
public record Rows(float[] values, int count) {
}
