package io.scraptrace.sorter.evaluation;

import io.scraptrace.sorter.grading.Fusion;
import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.sorter.training.Examples;

/**
 * Evaluates the sensor and camera models fused as the service fuses them, on paired examples:
 * row i of the sensor examples and row i of the camera examples are the same piece.
 */
public final class FusedEvaluation {
    private FusedEvaluation() {
    }

    /** Fused evaluation; both example sets must hold the same pieces in the same order. */
    public static Evaluation evaluate(ModelSet models, Examples sensorRows, Examples cameraRows) {
        if (models.camera() == null) {
            throw new IllegalArgumentException("no camera model to fuse");
        }
        if (sensorRows.rows() != cameraRows.rows()) {
            throw new IllegalArgumentException("paired examples differ in length: " + sensorRows.rows() + " vs " + cameraRows.rows());
        }
        float[] sensor = ModelEvaluation.probabilities(models.sensor(), sensorRows);
        float[] camera = ModelEvaluation.probabilities(models.camera(), cameraRows);
        int classes = models.sensor().labels().size();
        int cameraClasses = models.camera().labels().size();
        Fusion fusion = new Fusion(models.sensor().labels(), models.camera().labels());
        float[] fusedProbs = new float[sensor.length];
        double[] row = new double[classes];
        for (int r = 0; r < sensorRows.rows(); r++) {
            fusion.fuse(sensor, r * classes, camera, r * cameraClasses, row);
            for (int c = 0; c < classes; c++) {
                fusedProbs[r * classes + c] = (float) row[c];
            }
        }
        return Evaluation.of(models.sensor().labels(), sensorRows.y(), fusedProbs);
    }
}
