package io.scraptrace.sorter.grading;

import java.util.List;

/**
 * Fuses the sensor and camera models' probabilities as a product of experts: assuming the two
 * measurements are independent given the grade and a uniform prior over grades,
 * {@code p(g | sensor, camera) ∝ p(g | sensor) * p(g | camera)}. A confident camera can thus move
 * an ambiguous sensor reading (and vice versa), and two agreeing experts raise the confidence.
 * Labels are matched by grade code; a grade the camera model does not know gets a neutral factor.
 */
public final class Fusion {
    /** Keeps one expert's near-zero from vetoing the other outright. */
    private static final double FLOOR = 1e-6;

    private final int[] cameraIndex;

    /** Fusion of a sensor model over {@code sensorLabels} with a camera model over {@code cameraLabels}. */
    public Fusion(List<String> sensorLabels, List<String> cameraLabels) {
        cameraIndex = new int[sensorLabels.size()];
        for (int i = 0; i < cameraIndex.length; i++) {
            cameraIndex[i] = cameraLabels.indexOf(sensorLabels.get(i));
        }
    }

    /**
     * Fused probabilities over the sensor labels, into {@code out}.
     *
     * @param sensor       sensor probabilities, flat
     * @param sensorOffset start of this row in {@code sensor}
     * @param camera       camera probabilities, flat
     * @param cameraOffset start of this row in {@code camera}
     * @param out          receives the fused, normalised probabilities (length = sensor labels)
     */
    public void fuse(float[] sensor, int sensorOffset, float[] camera, int cameraOffset, double[] out) {
        double neutral = 1.0 / out.length;
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            double c = cameraIndex[i] < 0 ? neutral : camera[cameraOffset + cameraIndex[i]];
            out[i] = (sensor[sensorOffset + i] + FLOOR) * (c + FLOOR);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
    }
}
