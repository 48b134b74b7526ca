package io.scraptrace.simulator.plant;

import io.scraptrace.avro.ExportDeclaration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The baselines the VALUE_OUTLIER and VOLUME_SPIKE rules keep, over the declarations the
 * simulator had accepted: value per tonne of the last 50 declarations per HS code, mass of the
 * last 20 per exporter. The rules use them from 5 samples on; planting asks for more, because
 * declarations still waiting for their lots to be graded are not yet in the rules' windows.
 */
final class DeclarationHistory {
    static final int VALUE_WINDOW = 50;
    static final int VOLUME_WINDOW = 20;
    static final int MIN_SAMPLES = 5;

    private final Map<String, Deque<Double>> valuePerTonne = new HashMap<>();
    private final Map<String, Deque<Double>> exporterMass = new HashMap<>();

    void record(ExportDeclaration declaration) {
        push(valuePerTonne, declaration.getHsCode(), perTonne(declaration), VALUE_WINDOW);
        push(exporterMass, declaration.getExporterId(), declaration.getMassKg(), VOLUME_WINDOW);
    }

    /** Rolling median value per tonne of an HS code, once it has {@code minSamples} samples. */
    OptionalDouble medianPerTonne(String hsCode, int minSamples) {
        Deque<Double> values = valuePerTonne.get(hsCode);
        if (values == null || values.size() < minSamples) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }

    /** Rolling mean declared mass of an exporter, once it has {@code minSamples} samples. */
    OptionalDouble exporterMeanKg(String exporterId, int minSamples) {
        Deque<Double> masses = exporterMass.get(exporterId);
        if (masses == null || masses.size() < minSamples) {
            return OptionalDouble.empty();
        }
        return masses.stream().mapToDouble(Double::doubleValue).average();
    }

    static double perTonne(ExportDeclaration declaration) {
        return declaration.getValueJpy() / (declaration.getMassKg() / 1000.0);
    }

    private static void push(Map<String, Deque<Double>> windows, String key, double value, int size) {
        Deque<Double> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        window.addLast(value);
        if (window.size() > size) {
            window.removeFirst();
        }
    }
}
