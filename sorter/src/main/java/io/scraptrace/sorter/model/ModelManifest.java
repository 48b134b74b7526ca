package io.scraptrace.sorter.model;

/**
 * What model.json records about a trained model: enough to rebuild the network, name the version
 * in graded records and tell the training run apart from others.
 *
 * @param version      e.g. {@code sensor-2026.11.25-42-1a2b3c4d}
 * @param kind         sensor or camera
 * @param createdAt    ISO-8601 instant of the training run
 * @param seed         random seed of the run
 * @param epochs       training epochs
 * @param trainingRows rows the model was trained on
 * @param data         description of the training data source
 * @param engine       engine and version it was trained with
 */
public record ModelManifest(String version, ModelKind kind, String createdAt, long seed, int epochs, int trainingRows,
                            String data, String engine) {
}
