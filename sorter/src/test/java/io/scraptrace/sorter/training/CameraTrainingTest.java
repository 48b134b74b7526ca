package io.scraptrace.sorter.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.sorter.evaluation.ModelEvaluation;
import io.scraptrace.sorter.model.GradeModel;
import io.scraptrace.sorter.model.ModelStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraTrainingTest {
    /** Sixteen grades: chance is 1/16. A few epochs on a few hundred frames must be well above it. */
    private static final double ACCURACY_FLOOR = 0.3;

    @Test
    void aSmallCnnLearnsGradesFromSyntheticFramesAndReloadsIdentically(@TempDir Path root) throws Exception {
        LabelledImages frames = SyntheticData.generate(800, 21, false, CorruptionRates.NONE).frames(5);
        TrainingRun.Result result = TrainingRun.camera(frames, new TrainingOptions(6, 32, 0.003f, 5), root, e -> {
        });
        assertTrue(result.holdout().accuracy() >= ACCURACY_FLOOR, "held-out accuracy " + result.holdout().accuracy());

        Examples examples = Examples.fromImages(frames, result.holdout().labels());
        try (GradeModel first = ModelStore.load(result.directory());
             GradeModel second = ModelStore.load(result.directory())) {
            assertArrayEquals(ModelEvaluation.probabilities(first, examples), ModelEvaluation.probabilities(second, examples));
        }
    }
}
