package io.scraptrace.sorter.training;

import io.scraptrace.sorter.features.FrameImages;
import io.scraptrace.sorter.features.SensorFeatures;
import io.scraptrace.sorter.features.UnscorableException;
import io.scraptrace.sorter.model.ModelKind;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Model-ready examples: input rows (flat, row-major) and label indices into a label list. Records
 * that cannot be scored are skipped and counted, as the service would dead-letter them.
 *
 * @param kind    model the rows are for
 * @param x       input rows
 * @param y       label index of each row
 * @param skipped records dropped as unscorable
 */
public record Examples(ModelKind kind, float[] x, int[] y, int skipped) {
    /** Number of rows. */
    public int rows() {
        return y.length;
    }

    /** Sensor-model examples of {@code data}, labels indexed into {@code labels}. */
    public static Examples fromReadings(LabelledReadings data, List<String> labels) {
        int width = SensorFeatures.COUNT;
        float[] x = new float[data.readings().size() * width];
        int[] y = new int[data.readings().size()];
        int rows = 0;
        for (int i = 0; i < y.length; i++) {
            try {
                SensorFeatures.extract(data.readings().get(i), x, rows * width);
                y[rows++] = labelIndex(labels, data.labels().get(i), i);
            } catch (UnscorableException e) {
                // Skipped: counted below.
            }
        }
        return new Examples(ModelKind.SENSOR, Arrays.copyOf(x, rows * width), Arrays.copyOf(y, rows), y.length - rows);
    }

    /** Camera-model examples of {@code data}, labels indexed into {@code labels}. */
    public static Examples fromImages(LabelledImages data, List<String> labels) {
        int width = FrameImages.VALUES;
        float[] x = new float[data.images().size() * width];
        int[] y = new int[data.images().size()];
        int rows = 0;
        for (int i = 0; i < y.length; i++) {
            try {
                FrameImages.decode(data.images().get(i), x, rows * width);
                y[rows++] = labelIndex(labels, data.labels().get(i), i);
            } catch (UnscorableException e) {
                // Skipped: counted below.
            }
        }
        return new Examples(ModelKind.CAMERA, Arrays.copyOf(x, rows * width), Arrays.copyOf(y, rows), y.length - rows);
    }

    /** The rows at {@code indices}, in that order. */
    public Examples select(int[] indices) {
        int width = kind.rowSize();
        float[] sx = new float[indices.length * width];
        int[] sy = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(x, indices[i] * width, sx, i * width, width);
            sy[i] = y[indices[i]];
        }
        return new Examples(kind, sx, sy, 0);
    }

    /** A seeded shuffle split into training rows and a held-out share. */
    public Split split(double holdoutShare, long seed) {
        int[] order = new int[rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int holdout = (int) Math.round(order.length * holdoutShare);
        return new Split(select(Arrays.copyOfRange(order, holdout, order.length)), select(Arrays.copyOf(order, holdout)));
    }

    private static int labelIndex(List<String> labels, String label, int row) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("row " + row + ": grade '" + label + "' is not in the catalogue " + labels);
        }
        return index;
    }

    /**
     * Training rows and held-out rows.
     *
     * @param train   rows to fit on
     * @param holdout rows to evaluate on
     */
    public record Split(Examples train, Examples holdout) {
    }
}
