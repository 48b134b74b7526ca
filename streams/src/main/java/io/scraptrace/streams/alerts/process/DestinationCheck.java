package io.scraptrace.streams.alerts.process;

import io.scraptrace.streams.alerts.model.ConsentChange;
import io.scraptrace.streams.alerts.model.ConsentSet;
import io.scraptrace.streams.alerts.model.DestinationEvent;
import io.scraptrace.streams.alerts.model.Verdict;
import io.scraptrace.streams.alerts.rules.HazardousDestinationRule;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by destination: keeps the destination's consents and completes each LOTS verdict with the
 * Basel consent check, which needs the measured grade the site ledger found. Forwards the verdict
 * keyed by declarationId.
 */
public final class DestinationCheck implements Processor<String, DestinationEvent, String, Verdict> {
    /** destination -> {@link ConsentSet}. */
    public static final String CONSENTS_STORE = "alerts-destination-consents";

    private final HazardousDestinationRule rule;
    private ProcessorContext<String, Verdict> context;
    private KeyValueStore<String, ConsentSet> consents;

    public DestinationCheck(HazardousDestinationRule rule) {
        this.rule = rule;
    }

    @Override
    public void init(ProcessorContext<String, Verdict> context) {
        this.context = context;
        consents = context.getStateStore(CONSENTS_STORE);
    }

    @Override
    public void process(Record<String, DestinationEvent> record) {
        ConsentSet known = consents.get(record.key());
        ConsentSet current = known == null ? ConsentSet.empty() : known;
        ConsentChange change = record.value().consent();
        if (change != null) {
            String id = change.consent().consentId();
            consents.put(record.key(), change.revoked() ? current.without(id) : current.with(change.consent()));
            return;
        }
        Verdict verdict = record.value().verdict();
        // A report of lots still awaited is not judged yet: nothing to check against consents.
        Verdict checked = verdict.judged() ? rule.evaluate(verdict, current).map(verdict::with).orElse(verdict) : verdict;
        context.forward(new Record<>(verdict.declaration().declarationId(), checked, record.timestamp()));
    }
}
