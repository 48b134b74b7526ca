package io.scraptrace.sorter.cli;

import io.scraptrace.sorter.evaluation.EvaluationReport;
import io.scraptrace.sorter.evaluation.FusedEvaluation;
import io.scraptrace.sorter.evaluation.ModelEvaluation;
import io.scraptrace.sorter.model.GradeModel;
import io.scraptrace.sorter.model.ModelRepository;
import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.sorter.training.CsvReadings;
import io.scraptrace.sorter.training.Examples;
import io.scraptrace.sorter.training.ImageFolder;
import io.scraptrace.sorter.training.SyntheticData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scraptrace evaluate}: accuracy, macro-F1, per-grade precision/recall, the confusion
 * matrix and the expected calibration error of a model on held-out data. Synthetic data uses a
 * different seed from training by default, so it is data the model never saw.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate grade models on held-out data: accuracy, macro-F1, per-grade precision/recall, confusion matrix, ECE.")
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory or models root (default: the model shipped in the jar).")
    Path model;

    @Option(names = "--seed", defaultValue = "4242", description = "Seed of the synthetic evaluation data (default ${DEFAULT-VALUE}; training uses 42).")
    int seed;

    @Override
    public Integer call() throws IOException {
        try (ModelSet models = ModelRepository.loadOrDefault(model)) {
            if (data.synthetic()) {
                SyntheticData synthetic = data.generate(seed);
                Examples sensorRows = Examples.fromReadings(synthetic.readings(), models.sensor().labels());
                print(models.sensor(), sensorRows, synthetic.source());
                if (models.camera() != null) {
                    Examples cameraRows = Examples.fromImages(synthetic.frames(seed), models.camera().labels());
                    print(models.camera(), cameraRows, "frames of the same pieces");
                    System.out.println(EvaluationReport.render("fused " + models.version(true) + " on the same pieces",
                            FusedEvaluation.evaluate(models, sensorRows, cameraRows)));
                }
            } else if (data.imageFolder()) {
                GradeModel camera = models.cameraModel()
                        .orElseThrow(() -> new IllegalArgumentException("an image folder needs a camera model; none is loaded"));
                print(camera, Examples.fromImages(ImageFolder.read(data.path()), camera.labels()), data.data);
            } else {
                print(models.sensor(), Examples.fromReadings(CsvReadings.read(data.path()), models.sensor().labels()), data.data);
            }
        }
        return 0;
    }

    private static void print(GradeModel model, Examples examples, String source) {
        System.out.println(EvaluationReport.render(model.version() + " on " + source
                + (examples.skipped() > 0 ? " (" + examples.skipped() + " unscorable rows skipped)" : ""),
                ModelEvaluation.evaluate(model, examples)));
    }
}
