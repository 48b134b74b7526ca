package io.scraptrace.sorter.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.scraptrace.sorter.features.Normalisation;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Scores batches of rows with one model on one thread. A whole batch goes to the network as one
 * tensor: one native round trip per batch instead of per record. It calls the block directly
 * rather than through a DJL {@code Predictor}: measured here, the predictor's per-call context
 * and translator machinery cost 2x the CPU of the forward pass itself at batch 1024. Not
 * thread-safe: one scorer per thread (the model's weights are shared).
 */
public final class Scorer implements AutoCloseable {
    private final Model model;
    private final ModelKind kind;
    private final Normalisation normalisation;
    private final ParameterStore parameters;
    private final int classes;

    Scorer(Model model, ModelKind kind, Normalisation normalisation, int classes) {
        this.model = model;
        this.kind = kind;
        this.normalisation = normalisation;
        this.parameters = new ParameterStore(model.getNDManager(), false);
        this.classes = classes;
    }

    /**
     * Class probabilities of the first {@code count} rows of {@code values} (raw features; the
     * model's normalisation is applied here), flat: row r's probability of label c is at
     * {@code r * classes() + c}. {@code values} is not modified and may be longer than needed.
     */
    public float[] probabilities(float[] values, int count) {
        if (count == 0) {
            return new float[0];
        }
        int length = count * kind.rowSize();
        float[] input = values;
        if (normalisation != null) {
            input = Arrays.copyOf(values, length);
            normalisation.apply(input, count);
        }
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x = batch.create(FloatBuffer.wrap(input, 0, length), kind.batchShape(count));
            return model.getBlock().forward(parameters, new NDList(x), false).singletonOrThrow().softmax(1).toFloatArray();
        }
    }

    /** Number of labels per row. */
    public int classes() {
        return classes;
    }

    @Override
    public void close() {
        // Nothing native is held between calls: each batch's arrays are freed with its manager.
    }
}
