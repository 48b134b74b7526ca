package io.scraptrace.sorter.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a model's probabilities match true labels on held-out data: accuracy, macro-F1 (over
 * grades present in the data), per-grade precision/recall, the confusion matrix and the expected
 * calibration error (ECE: |confidence - accuracy| averaged over {@value #BINS} equal-width
 * confidence bins, weighted by rows), which says whether the confidence threshold for
 * {@code UNCERTAIN} means what it says.
 *
 * @param rows          rows evaluated
 * @param accuracy      share of rows whose most probable grade is the true one
 * @param macroF1       mean F1 over grades with support
 * @param ece           expected calibration error
 * @param perClass      metrics of every label
 * @param labels        label order of the confusion matrix
 * @param confusion     confusion[true][predicted] row counts
 */
public record Evaluation(int rows, double accuracy, double macroF1, double ece, List<ClassMetrics> perClass,
                         List<String> labels, int[][] confusion) {
    /** Confidence bins of the calibration error. */
    public static final int BINS = 10;

    /**
     * Evaluate probabilities against the truth.
     *
     * @param labels labels, in probability order
     * @param truth  true label index of each row
     * @param probs  probabilities, flat row-major, {@code labels.size()} per row
     */
    public static Evaluation of(List<String> labels, int[] truth, float[] probs) {
        int classes = labels.size();
        int rows = truth.length;
        int[][] confusion = new int[classes][classes];
        double[] binConfidence = new double[BINS];
        int[] binCorrect = new int[BINS];
        int[] binRows = new int[BINS];
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            int best = argMax(probs, r * classes, classes);
            float confidence = probs[r * classes + best];
            confusion[truth[r]][best]++;
            int bin = Math.min(BINS - 1, (int) (confidence * BINS));
            binRows[bin]++;
            binConfidence[bin] += confidence;
            if (best == truth[r]) {
                correct++;
                binCorrect[bin]++;
            }
        }
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (binRows[b] > 0) {
                ece += Math.abs(binConfidence[b] / binRows[b] - (double) binCorrect[b] / binRows[b]) * binRows[b] / rows;
            }
        }
        List<ClassMetrics> perClass = perClass(labels, confusion);
        double macroF1 = perClass.stream().filter(m -> m.support() > 0).mapToDouble(ClassMetrics::f1).average().orElse(0);
        return new Evaluation(rows, rows == 0 ? 0 : (double) correct / rows, macroF1, ece, perClass, List.copyOf(labels), confusion);
    }

    private static List<ClassMetrics> perClass(List<String> labels, int[][] confusion) {
        List<ClassMetrics> metrics = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            int truePositives = confusion[c][c];
            int actual = 0;
            int predicted = 0;
            for (int k = 0; k < labels.size(); k++) {
                actual += confusion[c][k];
                predicted += confusion[k][c];
            }
            double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
            double recall = actual == 0 ? 0 : (double) truePositives / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            metrics.add(new ClassMetrics(labels.get(c), precision, recall, f1, actual));
        }
        return metrics;
    }

    /** Index of the largest of {@code count} values from {@code offset}. */
    public static int argMax(float[] values, int offset, int count) {
        int best = 0;
        for (int c = 1; c < count; c++) {
            if (values[offset + c] > values[offset + best]) {
                best = c;
            }
        }
        return best;
    }
}
