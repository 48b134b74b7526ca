package io.scraptrace.streams.alerts.evaluation;

/**
 * How one alert code fared over a scenario set.
 *
 * @param code           the code
 * @param truePositives  declarations that should and did raise it
 * @param falsePositives declarations that raised it but should not
 * @param falseNegatives declarations that should have raised it but did not
 */
public record CodeScore(String code, int truePositives, int falsePositives, int falseNegatives) {
    /** Share of its raisings that were right; 1 when never raised (nothing wrong was said). */
    public double precision() {
        int raised = truePositives + falsePositives;
        return raised == 0 ? 1.0 : (double) truePositives / raised;
    }

    /** Share of the declarations that should raise it that did; 1 when none should. */
    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? 1.0 : (double) truePositives / expected;
    }

    /** Declarations that should raise it. */
    public int support() {
        return truePositives + falseNegatives;
    }
}
