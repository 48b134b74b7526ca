package io.scraptrace.streams.alerts.evaluation;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.streams.alerts.model.AlertCode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The evidence gate (README, export alerts: {@code alerts.evidence.min.graded.share}) applied to
 * labels set without knowing how surely the lots would be graded, as a simulator plants an
 * under-declared grade or a wrong HS code. The share of each declaration's declared mass graded
 * with a catalogue grade (not UNCERTAIN) is worked out here from the set's own graded readings,
 * independently of the alert rules. Below the gate a grade finding cannot be judged: a planted
 * grade code is held for evidence and INSUFFICIENT_EVIDENCE is expected instead. A declaration
 * below the gate with no grade code planted may be marked "inspect" or not (the rules do so only
 * when the confident part of the grading contradicts the declaration, which only the model's
 * errors decide), so INSUFFICIENT_EVIDENCE is not scored there but counted on its own.
 */
public final class EvidenceGate {
    /** The codes the grade rules raise, judged only on enough evidence. */
    static final Set<String> GRADE_CODES = Set.of(AlertCode.UNDER_DECLARED_GRADE.name(), AlertCode.HS_CODE_MISMATCH.name());
    /** The gate's own code: inspect, not an accusation. */
    static final String INSPECT = AlertCode.INSUFFICIENT_EVIDENCE.name();

    private final double minGradedShare;

    /** @param minGradedShare least share of the declared mass graded with confidence to judge a grade */
    public EvidenceGate(double minGradedShare) {
        this.minGradedShare = minGradedShare;
    }

    /** The gate setting. */
    public double minGradedShare() {
        return minGradedShare;
    }

    /**
     * Per declarationId, in arrival order: mass of its distinct lots' readings graded with a
     * catalogue grade over its declared mass, capped at 1. Each reading counts once (by event id),
     * whenever in the set it arrives, as the lots it is judged on hold it by then.
     */
    public static Map<String, Double> gradedShares(ScenarioSet set) {
        Map<String, Double> confidentKgByLot = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Object event : set.events()) {
            if (event instanceof GradedReading reading && seen.add(reading.getEventId())) {
                double confident = Grade.UNCERTAIN.equals(reading.getGrade()) ? 0.0 : reading.getMassKg();
                confidentKgByLot.merge(reading.getLotId(), confident, Double::sum);
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (LabelledDeclaration labelled : set.declarations()) {
            ExportDeclaration declaration = labelled.declaration();
            double confidentKg = new LinkedHashSet<>(declaration.getLotIds()).stream()
                    .mapToDouble(lot -> confidentKgByLot.getOrDefault(lot, 0.0)).sum();
            shares.put(declaration.getDeclarationId(), Math.min(1.0, confidentKg / declaration.getMassKg()));
        }
        return shares;
    }

    /** What {@code labelled} should raise when {@code gradedShare} of its declared mass was graded with confidence. */
    Expectation expectation(LabelledDeclaration labelled, double gradedShare) {
        if (gradedShare >= minGradedShare) {
            return new Expectation(labelled.expected(), Set.of(), false, gradedShare);
        }
        Set<String> held = new TreeSet<>(labelled.expected());
        held.retainAll(GRADE_CODES);
        Set<String> expected = new TreeSet<>(labelled.expected());
        expected.removeAll(GRADE_CODES);
        if (held.isEmpty()) {
            return new Expectation(expected, held, true, gradedShare);
        }
        expected.add(INSPECT);
        return new Expectation(expected, held, false, gradedShare);
    }
}
