package io.scraptrace.streams.alerts.rules;

import io.scraptrace.streams.alerts.AlertSettings;
import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.model.CheckKind;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** VOLUME_SPIKE: declared mass above factor x the exporter's mean over its previous declarations. */
public final class VolumeSpikeRule implements BaselineRule {
    private final AlertSettings settings;

    public VolumeSpikeRule(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public CheckKind kind() {
        return CheckKind.VOLUME;
    }

    @Override
    public String name() {
        return "volume-baseline";
    }

    @Override
    public String keyOf(Declaration declaration) {
        return declaration.exporterId();
    }

    @Override
    public OptionalDouble sample(Declaration declaration) {
        return OptionalDouble.of(declaration.massKg());
    }

    @Override
    public int window() {
        return settings.volumeWindow();
    }

    @Override
    public Optional<Reason> evaluate(Declaration declaration, double massKg, List<Double> previous) {
        if (previous.size() < settings.volumeMinSamples()) {
            return Optional.empty();
        }
        double mean = previous.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (mean <= 0 || massKg <= mean * settings.volumeFactor()) {
            return Optional.empty();
        }
        String detail = String.format("exporter %s declared %.0f kg, %.1f x its mean of %.0f kg over its last %d declarations (limit x%.1f)",
                declaration.exporterId(), massKg, massKg / mean, mean, previous.size(), settings.volumeFactor());
        return Optional.of(Reason.of(AlertCode.VOLUME_SPIKE, detail, List.of(declaration.exporterId()), Map.of(
                "declaredMassKg", massKg,
                "meanMassKg", mean,
                "ratio", massKg / mean,
                "samples", (double) previous.size())));
    }
}
