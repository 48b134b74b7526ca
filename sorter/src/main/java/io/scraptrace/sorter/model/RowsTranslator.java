package io.scraptrace.sorter.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.scraptrace.sorter.features.Normalisation;
import java.nio.FloatBuffer;

/**
 * Feeds a whole batch of rows to the network as one tensor and returns the softmax
 * probabilities flat (row-major). One native call per batch is what makes batch inference
 * cheap; per-record translation would spend more time crossing JNI than computing.
 */
final class RowsTranslator implements NoBatchifyTranslator<Rows, float[]> {
    private final ModelKind kind;
    private final Normalisation normalisation;

    RowsTranslator(ModelKind kind, Normalisation normalisation) {
        this.kind = kind;
        this.normalisation = normalisation;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Rows rows) {
        int length = rows.count() * kind.rowSize();
        float[] values = rows.values();
        if (normalisation != null) {
            // Copy: callers reuse their raw feature buffers.
            values = java.util.Arrays.copyOf(values, length);
            normalisation.apply(values, rows.count());
        }
        NDArray x = ctx.getNDManager().create(FloatBuffer.wrap(values, 0, length), kind.batchShape(rows.count()));
        return new NDList(x);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.singletonOrThrow().softmax(1).toFloatArray();
    }
}
