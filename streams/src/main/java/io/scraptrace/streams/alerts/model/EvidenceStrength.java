package io.scraptrace.streams.alerts.model;

import java.util.List;

/**
 * How far the grading behind a declaration's verdict can be trusted (CONTRACT section 5: every
 * reason states it).
 *
 * @param gradedShare    mass graded with a catalogue grade / declared mass, capped at 1
 * @param uncertainShare mass graded UNCERTAIN / declared mass, capped at 1
 * @param meanConfidence mean confidence of the lots' readings, 0 when none
 * @param modelVersions  model versions that graded the lots, sorted
 */
public record EvidenceStrength(double gradedShare, double uncertainShare, double meanConfidence, List<String> modelVersions) {
    /** Nothing graded. */
    public static final EvidenceStrength NONE = new EvidenceStrength(0.0, 0.0, 0.0, List.of());

    public EvidenceStrength {
        modelVersions = modelVersions == null ? List.of() : List.copyOf(modelVersions);
    }
}
