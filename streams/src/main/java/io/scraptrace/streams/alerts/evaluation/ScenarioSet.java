package io.scraptrace.streams.alerts.evaluation;

import io.scraptrace.avro.BaselConsent;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Site;
import java.util.List;

/**
 * Everything an alert evaluation feeds the alert topology, in the order it arrives, and what the
 * declarations among it should raise.
 *
 * @param name                 what the set is, for the report
 * @param events               {@link Site}, {@link BaselConsent} (a consent id with a null consent revokes),
 *                             {@link GradedReading} and {@link LabelledDeclaration} records, in arrival order
 * @param labelsBlindToGrading whether the expected codes were set without knowing how surely the lots
 *                             would be graded (planted by a generator): the evaluation then applies the
 *                             {@link EvidenceGate} to them; hand-written labels already account for it
 */
public record ScenarioSet(String name, List<Object> events, boolean labelsBlindToGrading) {
    public ScenarioSet {
        events = List.copyOf(events);
    }

    /** A set whose labels were written knowing the grading (as a hand-written set is). */
    public ScenarioSet(String name, List<Object> events) {
        this(name, events, false);
    }

    /** The labelled declarations, in arrival order. */
    public List<LabelledDeclaration> declarations() {
        return events.stream().filter(LabelledDeclaration.class::isInstance).map(LabelledDeclaration.class::cast).toList();
    }
}
