package io.scraptrace.schemas.grades;

/**
 * A measurable range: what a conforming piece may show ({@code min}..{@code max}) and its usual
 * centre ({@code typical}).
 *
 * @param min     lowest conforming value
 * @param typical usual value
 * @param max     highest conforming value
 */
public record Range(double min, double typical, double max) {
    /** Whether {@code value} lies within min..max. */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
