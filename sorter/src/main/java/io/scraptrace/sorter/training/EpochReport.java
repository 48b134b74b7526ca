package io.scraptrace.sorter.training;

/**
 * Progress after one training epoch.
 *
 * @param kind               model being trained (sensor or camera)
 * @param epoch              1-based epoch number
 * @param epochs             total epochs
 * @param loss               mean training loss over the epoch
 * @param trainAccuracy      training accuracy over the epoch
 * @param validationAccuracy accuracy on the held-out rows after the epoch
 * @param millis             wall time of the epoch
 */
public record EpochReport(String kind, int epoch, int epochs, double loss, double trainAccuracy,
                          double validationAccuracy, long millis) {
}
