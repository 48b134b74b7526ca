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

/**
 * VALUE_OUTLIER: value per tonne below median / factor or above median * factor, the median taken
 * over the previous declarations of the same HS code. A median, not a mean, so one planted outlier
 * does not drag the baseline.
 */
public final class ValueOutlierRule implements BaselineRule {
    private static final double KG_PER_TONNE = 1000.0;

    private final AlertSettings settings;

    public ValueOutlierRule(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public CheckKind kind() {
        return CheckKind.VALUE;
    }

    @Override
    public String name() {
        return "value-baseline";
    }

    @Override
    public String keyOf(Declaration declaration) {
        return declaration.hsCode();
    }

    @Override
    public OptionalDouble sample(Declaration declaration) {
        return declaration.massKg() > 0 ? OptionalDouble.of(declaration.valueJpy() / (declaration.massKg() / KG_PER_TONNE)) : OptionalDouble.empty();
    }

    @Override
    public int window() {
        return settings.valueWindow();
    }

    @Override
    public Optional<Reason> evaluate(Declaration declaration, double perTonne, List<Double> previous) {
        if (previous.size() < settings.valueMinSamples()) {
            return Optional.empty();
        }
        double median = median(previous);
        double factor = settings.valueFactor();
        // A zero or negative median gives no scale to be far from (and a ratio JSON cannot carry).
        if (median <= 0 || perTonne >= median / factor && perTonne <= median * factor) {
            return Optional.empty();
        }
        String detail = String.format("declared %.0f JPY/t for HS %s, %s the rolling median %.0f JPY/t of the last %d declarations by more than x%.1f",
                perTonne, declaration.hsCode(), perTonne < median ? "below" : "above", median, previous.size(), factor);
        return Optional.of(Reason.of(AlertCode.VALUE_OUTLIER, detail, List.of(declaration.hsCode()), Map.of(
                "valuePerTonneJpy", perTonne,
                "medianPerTonneJpy", median,
                "ratio", perTonne / median,
                "samples", (double) previous.size())));
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
