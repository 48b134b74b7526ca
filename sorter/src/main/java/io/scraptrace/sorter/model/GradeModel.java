package io.scraptrace.sorter.model;

import ai.djl.Model;
import io.scraptrace.sorter.features.Normalisation;
import java.util.List;

/**
 * A loaded grade model: the DJL model with its manifest, label list and (sensor model)
 * feature normalisation. Hand out one {@link Scorer} per thread; the model itself is shared.
 */
public final class GradeModel implements AutoCloseable {
    private final Model model;
    private final ModelManifest manifest;
    private final List<String> labels;
    private final Normalisation normalisation;

    /**
     * @param model         DJL model with its block initialised or loaded
     * @param manifest      what it is
     * @param labels        grade code of each output, in output order
     * @param normalisation feature scaling applied before the network; null for camera models
     */
    public GradeModel(Model model, ModelManifest manifest, List<String> labels, Normalisation normalisation) {
        this.model = model;
        this.manifest = manifest;
        this.labels = List.copyOf(labels);
        this.normalisation = normalisation;
    }

    /** A new scorer for the calling thread. */
    public Scorer newScorer() {
        return new Scorer(model, manifest.kind(), normalisation, labels.size());
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public String version() {
        return manifest.version();
    }

    public ModelKind kind() {
        return manifest.kind();
    }

    /** Grade code of each output, in output order. */
    public List<String> labels() {
        return labels;
    }

    /** Feature scaling of the sensor model; null for camera models. */
    public Normalisation normalisation() {
        return normalisation;
    }

    /** The underlying DJL model (for saving). */
    public Model djlModel() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
