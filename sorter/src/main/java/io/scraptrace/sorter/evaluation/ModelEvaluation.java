package io.scraptrace.sorter.evaluation;

import io.scraptrace.sorter.model.GradeModel;
import io.scraptrace.sorter.model.Scorer;
import io.scraptrace.sorter.training.Examples;
import java.util.Arrays;

/**
 * Scores raw (unnormalised) examples through a model's inference path, exactly as the service
 * would, and evaluates the probabilities against the labels.
 */
public final class ModelEvaluation {
    private static final int BATCH = 1024;

    private ModelEvaluation() {
    }

    /** Evaluation of {@code model} on {@code examples} (labels indexed into the model's labels). */
    public static Evaluation evaluate(GradeModel model, Examples examples) {
        return Evaluation.of(model.labels(), examples.y(), probabilities(model, examples));
    }

    /** The model's probabilities for every row of {@code examples}, flat. */
    public static float[] probabilities(GradeModel model, Examples examples) {
        int width = model.kind().rowSize();
        int classes = model.labels().size();
        float[] probs = new float[examples.rows() * classes];
        try (Scorer scorer = model.newScorer()) {
            for (int start = 0; start < examples.rows(); start += BATCH) {
                int count = Math.min(BATCH, examples.rows() - start);
                float[] rows = Arrays.copyOfRange(examples.x(), start * width, (start + count) * width);
                System.arraycopy(scorer.probabilities(rows, count), 0, probs, start * classes, count * classes);
            }
        }
        return probs;
    }
}
