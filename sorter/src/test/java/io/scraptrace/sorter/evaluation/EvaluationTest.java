package io.scraptrace.sorter.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final double EPS = 1e-6;

    @Test
    void computesAccuracyF1ConfusionAndCalibrationByHand() {
        // Predictions: A (0.9, right), B (0.6, wrong), B (0.8, right), B (0.7, right).
        float[] probs = {0.9f, 0.1f, 0.4f, 0.6f, 0.2f, 0.8f, 0.3f, 0.7f};
        Evaluation e = Evaluation.of(List.of("A", "B"), new int[] {0, 0, 1, 1}, probs);

        assertEquals(0.75, e.accuracy(), EPS);
        assertArrayEquals(new int[] {1, 1}, e.confusion()[0]);
        assertArrayEquals(new int[] {0, 2}, e.confusion()[1]);
        ClassMetrics a = e.perClass().get(0);
        ClassMetrics b = e.perClass().get(1);
        assertEquals(1.0, a.precision(), EPS);
        assertEquals(0.5, a.recall(), EPS);
        assertEquals(2.0 / 3, b.precision(), EPS);
        assertEquals(1.0, b.recall(), EPS);
        assertEquals((2.0 / 3 + 0.8) / 2, e.macroF1(), EPS);
        // Each row sits alone in its bin: ECE = mean |confidence - correct|.
        assertEquals((0.1 + 0.6 + 0.2 + 0.3) / 4, e.ece(), EPS);
    }

    @Test
    void macroF1IgnoresGradesAbsentFromTheData() {
        Evaluation e = Evaluation.of(List.of("A", "B", "C"), new int[] {0, 1}, new float[] {1, 0, 0, 0, 1, 0});
        assertEquals(1.0, e.macroF1(), EPS);
        assertEquals(0, e.perClass().get(2).support());
    }
}
