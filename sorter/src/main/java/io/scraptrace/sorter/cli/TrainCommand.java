package io.scraptrace.sorter.cli;

import io.scraptrace.core.cli.ClientOptions;
import io.scraptrace.sorter.evaluation.EvaluationReport;
import io.scraptrace.sorter.model.ModelFiles;
import io.scraptrace.sorter.model.ModelStore;
import io.scraptrace.sorter.training.CsvReadings;
import io.scraptrace.sorter.training.EpochReport;
import io.scraptrace.sorter.training.FloorLabels;
import io.scraptrace.sorter.training.ImageFolder;
import io.scraptrace.sorter.training.LabelledReadings;
import io.scraptrace.sorter.training.SyntheticData;
import io.scraptrace.sorter.training.TrainingOptions;
import io.scraptrace.sorter.training.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scraptrace train}: trains the sensor model (and with {@code --camera} the camera model)
 * in Java with DJL, prints progress per epoch and the held-out evaluation, and writes versioned
 * model directories under {@code --out} with {@code LATEST} pointed at them.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train grade models on synthetic data, a labelled CSV or an image folder; writes a versioned model directory.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    ClientOptions kafka;

    @Option(names = "--labels", description = "Also train the sensor model on the grades labelled on the floor (POST /v1/labels), "
            + "joined with their readings from the brokers of --bootstrap-servers.")
    boolean labels;

    @Option(names = "--base", paramLabel = "DIR",
            description = "Fine-tune the sensor model from this model's weights (a model directory or models root) instead of fresh ones;"
                    + " its feature normalisation is kept (--camera still trains the camera model afresh)."
                    + " A learning rate well below the default suits it, e.g. 0.001.")
    Path base;

    @Option(names = "--epochs", defaultValue = "20", description = "Sensor model epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--camera", description = "Also train the camera model on synthetic frames of the same pieces.")
    boolean camera;

    @Option(names = "--frames", defaultValue = "4000", description = "Synthetic frames for the camera model (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--camera-epochs", defaultValue = "12", description = "Camera model epochs (default ${DEFAULT-VALUE}).")
    int cameraEpochs;

    @Option(names = "--camera-learning-rate", defaultValue = "0.003", description = "Camera model Adam learning rate (default ${DEFAULT-VALUE}).")
    float cameraLearningRate;

    @Option(names = "--batch-size", defaultValue = "256", description = "Rows per gradient step (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.01", description = "Sensor model Adam learning rate (default ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of data generation, split, initial weights and batch order (default ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--out", defaultValue = "models", description = "Models root to write into (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--clean", description = "Remove the model directories already in --out first (to rebuild a shipped models root).")
    boolean clean;

    @Override
    public Integer call() throws IOException {
        if (base != null && data.imageFolder()) {
            throw new IllegalArgumentException("--base fine-tunes the sensor model; an image folder trains the camera model");
        }
        if (clean) {
            removeModels(out);
        }
        if (data.synthetic()) {
            SyntheticData synthetic = data.generate(seed);
            report(sensor(withLabels(synthetic.readings())));
            if (camera) {
                SyntheticData pieces = new SyntheticData(synthetic.pieces().subList(0, Math.min(frames, synthetic.pieces().size())),
                        synthetic.source());
                report(TrainingRun.camera(pieces.frames(seed), options(cameraEpochs, cameraLearningRate), out, TrainCommand::progress));
            }
        } else if (data.imageFolder()) {
            report(TrainingRun.camera(ImageFolder.read(data.path()), options(cameraEpochs, cameraLearningRate), out, TrainCommand::progress));
        } else {
            report(sensor(withLabels(CsvReadings.read(data.path()))));
        }
        return 0;
    }

    private TrainingRun.Result sensor(LabelledReadings readings) throws IOException {
        TrainingOptions options = options(epochs, learningRate);
        return base == null ? TrainingRun.sensor(readings, options, out, TrainCommand::progress)
                : TrainingRun.fineTuneSensor(readings, base, options, out, TrainCommand::progress);
    }

    private LabelledReadings withLabels(LabelledReadings readings) {
        if (!labels) {
            return readings;
        }
        LabelledReadings floor = FloorLabels.read(kafka.config());
        System.out.println(floor.description());
        return FloorLabels.mix(readings, floor);
    }

    private TrainingOptions options(int epochCount, float rate) {
        return new TrainingOptions(epochCount, batchSize, rate, seed);
    }

    private static void progress(EpochReport e) {
        System.out.printf(Locale.ROOT, "%s epoch %d/%d  loss %.4f  train-acc %.4f  holdout-acc %.4f  (%.1f s)%n",
                e.kind(), e.epoch(), e.epochs(), e.loss(), e.trainAccuracy(), e.validationAccuracy(), e.millis() / 1000.0);
    }

    private static void report(TrainingRun.Result result) {
        System.out.println(EvaluationReport.render("held-out evaluation of " + result.manifest().version(), result.holdout()));
        System.out.println("wrote " + result.directory().toAbsolutePath());
    }

    private static void removeModels(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> entries = Files.list(root)) {
            for (Path dir : entries.filter(d -> Files.exists(d.resolve(ModelFiles.MANIFEST))).toList()) {
                ModelStore.deleteModelDir(dir);
            }
        }
        Files.deleteIfExists(root.resolve(ModelFiles.LATEST));
    }
}
