package io.scraptrace.sorter.cli;

import io.scraptrace.avro.Reading;
import io.scraptrace.sorter.evaluation.EvaluationReport;
import io.scraptrace.sorter.evaluation.FusedEvaluation;
import io.scraptrace.sorter.evaluation.GradingEvaluation;
import io.scraptrace.sorter.evaluation.ModelEvaluation;
import io.scraptrace.sorter.evaluation.ReferenceReadings;
import io.scraptrace.sorter.evaluation.RobustnessSuite;
import io.scraptrace.sorter.evaluation.StationBreakdown;
import io.scraptrace.sorter.grading.GradeDecider;
import io.scraptrace.sorter.grading.Grader;
import io.scraptrace.sorter.grading.Outcome;
import io.scraptrace.sorter.model.GradeModel;
import io.scraptrace.sorter.model.ModelRepository;
import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.sorter.training.CsvReadings;
import io.scraptrace.sorter.training.Examples;
import io.scraptrace.sorter.training.ImageFolder;
import io.scraptrace.sorter.training.LabelledImages;
import io.scraptrace.sorter.training.LabelledReadings;
import io.scraptrace.sorter.training.SyntheticData;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scraptrace evaluate}: accuracy, macro-F1, per-grade precision/recall, the confusion
 * matrix and the expected calibration error of a model on held-out data, then the whole grading
 * path (catalogue criteria and threshold) on the same data scored against the pieces' true grades,
 * the robustness suite (one line per shift of the sensor data) and the reference readings written
 * from published standards. Synthetic data uses a different seed from training by default, so it
 * is data the model never saw.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate grade models on held-out data, under shifted sensor data and on reference readings from published standards.")
public final class EvaluateCommand implements Callable<Integer> {
    /** Frames per camera-model call: a whole evaluation set at once would not fit in memory. */
    private static final int FRAME_BATCH = 1024;

    @Mixin
    DataOptions data;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory or models root (default: the model shipped in the jar).")
    Path model;

    @Option(names = "--seed", defaultValue = "4242", description = "Seed of the synthetic evaluation data (default ${DEFAULT-VALUE}; training uses 42).")
    int seed;

    @Option(names = "--robustness-pieces", defaultValue = "3000",
            description = "Pieces per shift of the robustness suite; 0 skips it (default ${DEFAULT-VALUE}).")
    int robustnessPieces;

    @Override
    public Integer call() throws IOException {
        try (ModelSet models = ModelRepository.loadOrDefault(model)) {
            if (data.synthetic()) {
                SyntheticData synthetic = data.generate(seed);
                Examples sensorRows = Examples.fromReadings(synthetic.readings(), models.sensor().labels());
                print(models.sensor(), sensorRows, synthetic.source());
                LabelledReadings truth = synthetic.truth();
                printGrading("sensor-only grading of the same readings against their true grades (catalogue criteria, threshold)",
                        GradingEvaluation.evaluate(models, truth.readings(), truth.labels(), null), truth.labels(), models);
                if (models.camera() != null) {
                    LabelledImages frames = synthetic.frames(seed);
                    Examples cameraRows = Examples.fromImages(frames, models.camera().labels());
                    print(models.camera(), cameraRows, "frames of the same pieces");
                    System.out.println(EvaluationReport.render("fused " + models.version(true) + " on the same pieces",
                            FusedEvaluation.evaluate(models, sensorRows, cameraRows)));
                    printFusedGrading(models, truth, frames);
                }
            } else if (data.imageFolder()) {
                GradeModel camera = models.cameraModel()
                        .orElseThrow(() -> new IllegalArgumentException("an image folder needs a camera model; none is loaded"));
                print(camera, Examples.fromImages(ImageFolder.read(data.path()), camera.labels()), data.data);
            } else {
                print(models.sensor(), Examples.fromReadings(CsvReadings.read(data.path()), models.sensor().labels()), data.data);
            }
            if (robustnessPieces > 0) {
                System.out.println("robustness suite: " + robustnessPieces + " clean pieces per shift, composition analysers, sensor-only grading");
                System.out.println(RobustnessSuite.render(RobustnessSuite.run(models, robustnessPieces, seed + 1)));
            }
            System.out.println(ReferenceReadings.grade(models, ReferenceReadings.load()).render());
        }
        return 0;
    }

    /** Fused grading through the service's path: each reading names its frame, scored by the camera model. */
    private static void printFusedGrading(ModelSet models, LabelledReadings truth, LabelledImages frames) {
        Map<String, float[]> byFrame = new HashMap<>();
        List<Reading> withFrames = new ArrayList<>(truth.readings().size());
        try (Grader grader = new Grader(models, new GradeDecider(GradeDecider.DEFAULT_THRESHOLD, GradeCatalogue.get()))) {
            List<byte[]> images = frames.images();
            for (int start = 0; start < images.size(); start += FRAME_BATCH) {
                List<Outcome<float[]>> scored = grader.scoreFrames(images.subList(start, Math.min(images.size(), start + FRAME_BATCH)));
                for (int k = 0; k < scored.size(); k++) {
                    if (scored.get(k).ok()) {
                        byFrame.put("frame-" + (start + k), scored.get(k).value());
                    }
                }
            }
            for (int i = 0; i < truth.readings().size(); i++) {
                withFrames.add(Reading.newBuilder(truth.readings().get(i)).setFrameId("frame-" + i).build());
            }
        }
        printGrading("fused grading of the same pieces against their true grades (catalogue criteria, threshold)",
                GradingEvaluation.evaluate(models, withFrames, truth.labels(), byFrame::get), truth.labels(), models);
    }

    private static void printGrading(String title, GradingEvaluation.Result result, List<String> labels, ModelSet models) {
        System.out.println(EvaluationReport.render(title + String.format(Locale.ROOT, "; graded UNCERTAIN: %.1f%%",
                100 * result.uncertainShare()), result.evaluation()));
        System.out.println("by station type:");
        System.out.println(StationBreakdown.of(result, labels, models.sensor().labels()).render());
    }

    private static void print(GradeModel model, Examples examples, String source) {
        System.out.println(EvaluationReport.render(model.version() + " on " + source
                + (examples.skipped() > 0 ? " (" + examples.skipped() + " unscorable rows skipped)" : ""),
                ModelEvaluation.evaluate(model, examples)));
    }
}
