package io.scraptrace.sorter.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.scraptrace.sorter.engine.OfflineEngine;
import io.scraptrace.sorter.model.ModelKind;
import io.scraptrace.sorter.model.ModelStore;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Trains a grade network with DJL's training API on in-memory examples (softmax cross-entropy,
 * Adam), reporting loss and accuracy after every epoch. Inputs must already be normalised.
 */
public final class ModelTrainer {
    private ModelTrainer() {
    }

    /**
     * Train a fresh {@code kind} network with {@code classes} outputs.
     *
     * @param train      normalised training rows
     * @param validation normalised held-out rows, scored after each epoch
     * @param options    hyper-parameters and seed
     * @param progress   receives one report per epoch
     * @return the trained model (caller closes)
     */
    public static Model train(Examples train, Examples validation, int classes, TrainingOptions options,
                              Consumer<EpochReport> progress) {
        OfflineEngine.get().setRandomSeed(options.seed());
        Model model = ModelStore.newModel(train.kind(), classes);
        try {
            fit(model, train, validation, options, progress);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /**
     * Go on training {@code model} (weights already loaded) on {@code train}: its parameters start
     * where they are, the optimiser's state starts afresh. The caller keeps owning the model.
     *
     * @param train      rows normalised as the model's own inputs are
     * @param validation held-out rows, normalised alike
     */
    public static void fineTune(Model model, Examples train, Examples validation, TrainingOptions options,
                                Consumer<EpochReport> progress) {
        OfflineEngine.get().setRandomSeed(options.seed());
        fit(model, train, validation, options, progress);
    }

    private static void fit(Model model, Examples train, Examples validation, TrainingOptions options,
                            Consumer<EpochReport> progress) {
        ModelKind kind = train.kind();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(options.learningRate())).build());
        try (NDManager data = model.getNDManager().newSubManager();
             Trainer trainer = model.newTrainer(config)) {
            ArrayDataset dataset = new ArrayDataset.Builder()
                    .setData(data.create(train.x(), kind.batchShape(train.rows())))
                    .optLabels(data.create(toFloats(train.y())))
                    .setSampling(options.batchSize(), true)
                    .build();
            NDArray validationX = data.create(validation.x(), kind.batchShape(validation.rows()));
            // Initialises only parameters that have no value yet: a loaded model keeps its weights.
            trainer.initialize(kind.batchShape(1));
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                long started = System.nanoTime();
                double lossSum = 0;
                long correct = 0;
                for (Batch batch : trainer.iterateDataset(dataset)) {
                    try (batch; GradientCollector collector = trainer.newGradientCollector()) {
                        NDList predictions = trainer.forward(batch.getData());
                        NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
                        collector.backward(loss);
                        long size = batch.getSize();
                        lossSum += loss.getFloat() * size;
                        correct += countCorrect(predictions.singletonOrThrow(), batch.getLabels().singletonOrThrow());
                    }
                    trainer.step();
                }
                double validationAccuracy = validationAccuracy(trainer, validationX, validation.y());
                progress.accept(new EpochReport(kind.id(), epoch, options.epochs(), lossSum / train.rows(),
                        (double) correct / train.rows(), validationAccuracy, (System.nanoTime() - started) / 1_000_000));
            }
        } catch (IOException | TranslateException | RuntimeException e) {
            throw new IllegalStateException("training the " + kind.id() + " model failed: " + e.getMessage(), e);
        }
    }

    private static double validationAccuracy(Trainer trainer, NDArray x, int[] y) {
        if (y.length == 0) {
            return Double.NaN;
        }
        try (NDManager scope = x.getManager().newSubManager()) {
            NDArray labels = scope.create(toFloats(y));
            NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
            logits.attach(scope);
            return (double) countCorrect(logits, labels) / y.length;
        }
    }

    private static long countCorrect(NDArray logits, NDArray labels) {
        return logits.argMax(1).toType(DataType.FLOAT32, false).eq(labels).sum().toType(DataType.INT64, false).getLong();
    }

    private static float[] toFloats(int[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
