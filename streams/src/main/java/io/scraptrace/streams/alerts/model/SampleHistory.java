package io.scraptrace.streams.alerts.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The last figures of one baseline key (an HS code, an exporter), oldest first.
 *
 * @param samples the retained samples
 */
public record SampleHistory(List<Sample> samples) {
    public SampleHistory {
        samples = List.copyOf(samples);
    }

    /** No sample yet. */
    public static SampleHistory empty() {
        return new SampleHistory(List.of());
    }

    /** Figures of every declaration other than {@code declarationId}. */
    public List<Double> valuesExcept(String declarationId) {
        return samples.stream().filter(s -> !s.declarationId().equals(declarationId)).map(Sample::value).toList();
    }

    /** Whether the declaration is already counted. */
    public boolean contains(String declarationId) {
        return samples.stream().anyMatch(s -> s.declarationId().equals(declarationId));
    }

    /** This history with {@code sample} appended, keeping only the newest {@code window} samples. */
    public SampleHistory append(Sample sample, int window) {
        List<Sample> more = new ArrayList<>(samples);
        more.add(sample);
        return new SampleHistory(more.subList(Math.max(0, more.size() - window), more.size()));
    }
}
