package io.scraptrace.sorter.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.sorter.evaluation.ModelEvaluation;
import io.scraptrace.sorter.model.GradeModel;
import io.scraptrace.sorter.model.ModelFiles;
import io.scraptrace.sorter.model.ModelStore;
import io.scraptrace.specimens.CorruptionRates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTuneTest {
    @TempDir
    static Path baseRoot;
    private static TrainingRun.Result base;
    private static LabelledReadings more;

    @BeforeAll
    static void trainBase() throws Exception {
        base = TrainingRun.sensor(SyntheticData.generate(1500, 11, false, CorruptionRates.NONE).readings(),
                new TrainingOptions(4, 64, 0.01f, 7), baseRoot, epoch -> {
                });
        more = SyntheticData.generate(400, 12, false, CorruptionRates.NONE).readings();
    }

    @Test
    void fineTuningStartsFromTheBaseWeightsAndKeepsItsNormalisation(@TempDir Path out) throws Exception {
        // A learning rate too small to move the weights: what comes out is what went in.
        TrainingRun.Result tuned = TrainingRun.fineTuneSensor(more, base.directory(), new TrainingOptions(1, 64, 1e-9f, 7), out,
                epoch -> {
                });
        Examples rows = Examples.fromReadings(more, base.holdout().labels());
        try (GradeModel before = ModelStore.load(base.directory()); GradeModel after = ModelStore.load(tuned.directory())) {
            assertArrayEquals(ModelEvaluation.probabilities(before, rows), ModelEvaluation.probabilities(after, rows), 1e-4f);
        }
        assertEquals(Files.readString(base.directory().resolve(ModelFiles.NORMALISATION)),
                Files.readString(tuned.directory().resolve(ModelFiles.NORMALISATION)));
        String card = Files.readString(tuned.directory().resolve(ModelFiles.CARD));
        assertTrue(card.contains("- Source: base model " + base.manifest().version() + " (fine-tuned from its weights"), card);
        assertTrue(card.contains("- Source: " + more.description()), card);
    }

    @Test
    void fineTuningMovesTheWeightsOnTheNewRows(@TempDir Path out) throws Exception {
        TrainingRun.Result tuned = TrainingRun.fineTuneSensor(more, base.directory(), new TrainingOptions(2, 64, 0.001f, 7), out,
                epoch -> {
                });
        assertNotEquals(base.manifest().version().substring(base.manifest().version().lastIndexOf('-')),
                tuned.manifest().version().substring(tuned.manifest().version().lastIndexOf('-')));
        // Started from a trained network, not a random one: already far above chance (1/16) on its held-out rows.
        assertTrue(tuned.holdout().accuracy() > 0.5, "held-out accuracy " + tuned.holdout().accuracy());
    }
}
