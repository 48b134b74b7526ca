package io.scraptrace.sorter.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.sorter.evaluation.ModelEvaluation;
import io.scraptrace.sorter.model.GradeModel;
import io.scraptrace.sorter.model.ModelFiles;
import io.scraptrace.sorter.model.ModelKind;
import io.scraptrace.sorter.model.ModelRepository;
import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.sorter.model.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorTrainingTest {
    /** Clean analyser readings carry their grade: a small model must learn most of them. */
    private static final double ACCURACY_FLOOR = 0.85;
    private static final TrainingOptions OPTIONS = new TrainingOptions(12, 64, 0.01f, 7);

    @TempDir
    static Path root;
    private static TrainingRun.Result result;
    private static SyntheticData data;

    @BeforeAll
    static void train() throws Exception {
        data = SyntheticData.generate(3000, 11, false, CorruptionRates.NONE);
        result = TrainingRun.sensor(data.readings(), OPTIONS, root, epoch -> {
        });
    }

    @Test
    void smallSyntheticTrainingReachesTheAccuracyFloor() {
        assertTrue(result.holdout().accuracy() >= ACCURACY_FLOOR, "held-out accuracy " + result.holdout().accuracy());
        assertEquals(600, result.holdout().rows());
    }

    @Test
    void writesAVersionedDirectoryAndPointsLatestAtIt() throws Exception {
        String version = result.manifest().version();
        assertTrue(version.matches("sensor-\\d{4}\\.\\d{2}\\.\\d{2}-7-[0-9a-f]{8}"), version);
        assertEquals(root.resolve(version), result.directory());
        for (String file : List.of(ModelFiles.MANIFEST, ModelFiles.LABELS, ModelFiles.NORMALISATION, ModelFiles.METRICS,
                ModelFiles.CARD, ModelFiles.weights(ModelKind.SENSOR))) {
            assertTrue(Files.exists(result.directory().resolve(file)), file);
        }
        assertTrue(Files.readString(root.resolve(ModelFiles.LATEST)).contains("sensor=" + version));
        assertTrue(Files.readString(result.directory().resolve(ModelFiles.CARD)).contains(data.source()));
    }

    @Test
    void savedModelLoadsAndPredictsIdenticallyAfterASecondSave(@TempDir Path other) throws Exception {
        Examples examples = Examples.fromReadings(data.readings(), result.holdout().labels());
        try (GradeModel loaded = ModelStore.load(result.directory())) {
            float[] first = ModelEvaluation.probabilities(loaded, examples);
            Path copy = ModelStore.save(loaded, result.holdout(), "card", other);
            try (GradeModel reloaded = ModelStore.load(copy)) {
                assertArrayEquals(first, ModelEvaluation.probabilities(reloaded, examples));
                assertEquals(loaded.version(), reloaded.version());
            }
        }
    }

    @Test
    void theSameSeedRebuildsTheSameWeights(@TempDir Path again) throws Exception {
        TrainingRun.Result second = TrainingRun.sensor(data.readings(), OPTIONS, again, epoch -> {
        });
        assertEquals(result.manifest().version(), second.manifest().version());
        assertEquals(result.holdout().accuracy(), second.holdout().accuracy());
    }

    @Test
    void aModelsRootLoadsTheSensorModelLatestNames() throws Exception {
        try (ModelSet models = ModelRepository.load(root)) {
            assertEquals(result.manifest().version(), models.sensor().version());
            assertTrue(models.cameraModel().isEmpty());
        }
    }
}
