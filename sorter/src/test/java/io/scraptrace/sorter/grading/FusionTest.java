package io.scraptrace.sorter.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {
    private static final double EPS = 1e-4;

    @Test
    void multipliesTheExpertsAndRenormalises() {
        double[] out = new double[3];
        new Fusion(List.of("A", "B", "C"), List.of("A", "B", "C"))
                .fuse(new float[] {0.5f, 0.5f, 0f}, 0, new float[] {0.9f, 0.1f, 0f}, 0, out);
        assertEquals(0.9, out[0], EPS);
        assertEquals(0.1, out[1], EPS);
        assertEquals(0.0, out[2], EPS);
    }

    @Test
    void matchesCameraLabelsByGradeCodeNotPosition() {
        double[] out = new double[2];
        new Fusion(List.of("A", "B"), List.of("B", "A"))
                .fuse(new float[] {0.5f, 0.5f}, 0, new float[] {0.2f, 0.8f}, 0, out);
        assertEquals(0.8, out[0], EPS);
    }

    @Test
    void aGradeUnknownToTheCameraKeepsItsSensorShare() {
        double[] out = new double[2];
        new Fusion(List.of("A", "B"), List.of("A"))
                .fuse(new float[] {0.3f, 0.7f}, 0, new float[] {1f}, 0, out);
        // Camera says A for sure; B is unknown to it and gets the neutral factor 1/2.
        assertEquals(0.3 / (0.3 + 0.7 * 0.5), out[0], EPS);
    }
}
