package io.scraptrace.streams.alerts.evaluation;

import io.scraptrace.avro.BaselConsent;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Site;
import java.util.List;

/**
 * Everything an alert evaluation feeds the alert topology, in the order it arrives, and what the
 * declarations among it should raise.
 *
 * @param name   what the set is, for the report
 * @param events {@link Site}, {@link BaselConsent} (a consent id with a null consent revokes),
 *               {@link GradedReading} and {@link LabelledDeclaration} records, in arrival order
 */
public record ScenarioSet(String name, List<Object> events) {
    public ScenarioSet {
        events = List.copyOf(events);
    }

    /** The labelled declarations, in arrival order. */
    public List<LabelledDeclaration> declarations() {
        return events.stream().filter(LabelledDeclaration.class::isInstance).map(LabelledDeclaration.class::cast).toList();
    }
}
