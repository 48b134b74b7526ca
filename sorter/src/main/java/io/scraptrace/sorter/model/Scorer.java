package io.scraptrace.sorter.model;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;

/**
 * Scores batches of rows with one model on one thread (wraps a DJL predictor, which is not
 * thread-safe).
 */
public final class Scorer implements AutoCloseable {
    private final Predictor<Rows, float[]> predictor;
    private final int classes;

    Scorer(Predictor<Rows, float[]> predictor, int classes) {
        this.predictor = predictor;
        this.classes = classes;
    }

    /**
     * Class probabilities of the first {@code count} rows of {@code values}, flat: row r's
     * probability of label c is at {@code r * classes() + c}.
     */
    public float[] probabilities(float[] values, int count) {
        if (count == 0) {
            return new float[0];
        }
        try {
            return predictor.predict(new Rows(values, count));
        } catch (TranslateException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
    }

    /** Number of labels per row. */
    public int classes() {
        return classes;
    }

    @Override
    public void close() {
        predictor.close();
    }
}
