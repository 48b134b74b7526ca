package io.scraptrace.sorter.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/** Names and JSON format of the files in a model directory. */
public final class ModelFiles {
    /** Manifest: {@link ModelManifest}. */
    public static final String MANIFEST = "model.json";
    /** Grade code of each output, in order. */
    public static final String LABELS = "labels.json";
    /** Feature normalisation (sensor models). */
    public static final String NORMALISATION = "normalisation.json";
    /** Held-out evaluation of the model. */
    public static final String METRICS = "metrics.json";
    /** Human-readable model card. */
    public static final String CARD = "MODEL_CARD.md";
    /** In a models root: {@code kind=version} lines naming the current version of each kind. */
    public static final String LATEST = "LATEST";
    /** Pretty-printed, stable JSON for files people diff. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {
    }

    /** File name of the weights DJL writes for {@code kind} (epoch 0). */
    public static String weights(ModelKind kind) {
        return kind.id() + "-0000.params";
    }

    /** Every file a model directory of {@code kind} may hold. */
    public static List<String> all(ModelKind kind) {
        return List.of(MANIFEST, LABELS, NORMALISATION, METRICS, CARD, weights(kind));
    }
}
