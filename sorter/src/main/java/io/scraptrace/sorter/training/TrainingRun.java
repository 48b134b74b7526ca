package io.scraptrace.sorter.training;

import ai.djl.Model;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.sorter.engine.OfflineEngine;
import io.scraptrace.sorter.evaluation.Evaluation;
import io.scraptrace.sorter.evaluation.ModelEvaluation;
import io.scraptrace.sorter.features.Normalisation;
import io.scraptrace.sorter.features.SensorFeatures;
import io.scraptrace.sorter.model.GradeModel;
import io.scraptrace.sorter.model.ModelKind;
import io.scraptrace.sorter.model.ModelManifest;
import io.scraptrace.sorter.model.ModelRepository;
import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.sorter.model.ModelStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One training run end to end: examples, a seeded 80/20 split, normalisation fitted on the
 * training rows, DJL training, evaluation of the held-out rows through the inference path, then
 * a versioned model directory under the models root and {@code LATEST} pointed at it.
 */
public final class TrainingRun {
    /** Share of rows held out for evaluation. */
    public static final double HOLDOUT = 0.2;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    private TrainingRun() {
    }

    /**
     * The outcome of a run.
     *
     * @param directory where the model was written
     * @param manifest  its manifest (version etc.)
     * @param holdout   evaluation on the held-out rows
     */
    public record Result(Path directory, ModelManifest manifest, Evaluation holdout) {
    }

    /** Train the sensor model on {@code data} and write it under {@code root}. */
    public static Result sensor(LabelledReadings data, TrainingOptions options, Path root, Consumer<EpochReport> progress)
            throws IOException {
        List<String> labels = GradeCatalogue.get().codes();
        return run(Examples.fromReadings(data, labels), labels, data.description(), options, root, progress, null);
    }

    /**
     * Fine-tune the sensor model found at {@code base} (a model directory or models root) on
     * {@code data} and write the result under {@code root}: training starts from its weights and
     * keeps its feature normalisation, so what it knew is moved, not relearnt; the model card lists
     * the base among its sources.
     */
    public static Result fineTuneSensor(LabelledReadings data, Path base, TrainingOptions options, Path root,
                                        Consumer<EpochReport> progress) throws IOException {
        List<String> labels = GradeCatalogue.get().codes();
        try (ModelSet models = ModelRepository.load(base)) {
            GradeModel start = models.sensor();
            if (!start.labels().equals(labels)) {
                throw new IllegalArgumentException("base model " + start.version() + " grades " + start.labels()
                        + ", not the catalogue's " + labels + ": train afresh instead");
            }
            String description = data.description() + FloorLabels.SOURCES_SEPARATOR + "base model " + start.version()
                    + " (fine-tuned from its weights, its normalisation kept; " + base.toAbsolutePath() + ")";
            return run(Examples.fromReadings(data, labels), labels, description, options, root, progress, start);
        }
    }

    /** Train the camera model on {@code data} and write it under {@code root}. */
    public static Result camera(LabelledImages data, TrainingOptions options, Path root, Consumer<EpochReport> progress)
            throws IOException {
        List<String> labels = GradeCatalogue.get().codes();
        return run(Examples.fromImages(data, labels), labels, data.description(), options, root, progress, null);
    }

    /** @param base the model to start from (the caller closes it), or null to train a fresh network */
    private static Result run(Examples examples, List<String> labels, String description, TrainingOptions options,
                              Path root, Consumer<EpochReport> progress, GradeModel base) throws IOException {
        if (examples.rows() < 10) {
            throw new IllegalArgumentException("only " + examples.rows() + " usable rows: too few to train on");
        }
        ModelKind kind = examples.kind();
        Examples.Split split = examples.split(HOLDOUT, options.seed());
        Normalisation normalisation = base != null ? base.normalisation() : kind == ModelKind.SENSOR
                ? Normalisation.fit(SensorFeatures.NAMES, split.train().x(), split.train().rows()) : null;
        Examples train = normalised(split.train(), normalisation);
        Examples holdoutRows = normalised(split.holdout(), normalisation);
        Model djl;
        if (base == null) {
            djl = ModelTrainer.train(train, holdoutRows, labels.size(), options, progress);
        } else {
            djl = base.djlModel();
            ModelTrainer.fineTune(djl, train, holdoutRows, options, progress);
        }
        Instant now = Instant.now();
        String version = kind.id() + "-" + DAY.format(now) + "-" + options.seed() + "-" + ModelStore.fingerprint(djl.getBlock());
        ModelManifest manifest = new ModelManifest(version, kind, now.toString(), options.seed(), options.epochs(),
                split.train().rows(), description, OfflineEngine.NAME + " " + OfflineEngine.get().getVersion());
        GradeModel model = new GradeModel(djl, manifest, labels, normalisation);
        try {
            Evaluation holdout = ModelEvaluation.evaluate(model, split.holdout());
            String card = ModelCard.render(manifest, kind.architecture(), options, split, examples.skipped(), holdout);
            Path directory = ModelStore.save(model, holdout, card, root);
            ModelRepository.publish(root, kind, version);
            return new Result(directory, manifest, holdout);
        } finally {
            if (base == null) {
                model.close();
            }
        }
    }

    private static Examples normalised(Examples examples, Normalisation normalisation) {
        if (normalisation == null) {
            return examples;
        }
        float[] x = Arrays.copyOf(examples.x(), examples.x().length);
        normalisation.apply(x, examples.rows());
        return new Examples(examples.kind(), x, examples.y(), examples.skipped());
    }
}
