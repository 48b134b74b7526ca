package io.scraptrace.sorter.training;

/**
 * Hyper-parameters of one training run.
 *
 * @param epochs       passes over the training rows
 * @param batchSize    rows per gradient step
 * @param learningRate Adam learning rate
 * @param seed         seeds the engine (initial weights, batch order) so a run can be repeated
 */
public record TrainingOptions(int epochs, int batchSize, float learningRate, int seed) {
    public TrainingOptions {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("epochs and batch size must be >= 1 and the learning rate > 0");
        }
    }
}
