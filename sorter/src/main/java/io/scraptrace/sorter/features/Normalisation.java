package io.scraptrace.sorter.features;

import java.util.List;

/**
 * Per-feature z-score normalisation fitted on the training rows and stored with the model
 * (normalisation.json), so inference scales features exactly as training did.
 *
 * @param features feature names, in row order
 * @param mean     per-feature mean
 * @param std      per-feature standard deviation (never 0)
 */
public record Normalisation(List<String> features, float[] mean, float[] std) {
    /** Constant features would divide by zero; scale them by 1 instead. */
    private static final double MIN_STD = 1e-6;

    public Normalisation {
        features = List.copyOf(features);
        if (mean.length != features.size() || std.length != features.size()) {
            throw new IllegalArgumentException("normalisation has " + features.size() + " features but "
                    + mean.length + " means and " + std.length + " deviations");
        }
    }

    /** Fit on {@code rows} rows of {@code features.size()} values each. */
    public static Normalisation fit(List<String> features, float[] data, int rows) {
        int cols = features.size();
        double[] sum = new double[cols];
        double[] sumSq = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = data[r * cols + c];
                sum[c] += v;
                sumSq[c] += v * v;
            }
        }
        float[] mean = new float[cols];
        float[] std = new float[cols];
        for (int c = 0; c < cols; c++) {
            double m = sum[c] / rows;
            double variance = Math.max(0, sumSq[c] / rows - m * m);
            mean[c] = (float) m;
            std[c] = (float) Math.max(Math.sqrt(variance), MIN_STD);
        }
        return new Normalisation(features, mean, std);
    }

    /** Normalise {@code rows} rows of {@code data} in place. */
    public void apply(float[] data, int rows) {
        int cols = mean.length;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                data[base + c] = (data[base + c] - mean[c]) / std[c];
            }
        }
    }
}
