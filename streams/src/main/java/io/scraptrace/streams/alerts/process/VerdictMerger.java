package io.scraptrace.streams.alerts.process;

import io.scraptrace.avro.Alert;
import io.scraptrace.streams.alerts.model.Verdict;
import io.scraptrace.streams.alerts.model.VerdictSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by declarationId: keeps the latest verdict of each check and, once every check has
 * reported, assembles the Alert, stores it as the declaration's latest and forwards it - only when
 * it differs from the stored one, so a re-check that changes nothing emits nothing.
 */
public final class VerdictMerger implements Processor<String, Verdict, String, Alert> {
    /** declarationId -> {@link VerdictSet}. */
    public static final String VERDICTS_STORE = "alerts-verdict-sets";

    private final String alertsStoreName;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, VerdictSet> verdicts;
    private KeyValueStore<String, Alert> alerts;

    public VerdictMerger(String alertsStoreName) {
        this.alertsStoreName = alertsStoreName;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        verdicts = context.getStateStore(VERDICTS_STORE);
        alerts = context.getStateStore(alertsStoreName);
    }

    @Override
    public void process(Record<String, Verdict> record) {
        String declarationId = record.key();
        VerdictSet known = verdicts.get(declarationId);
        VerdictSet current = (known == null ? VerdictSet.empty() : known).with(record.value());
        verdicts.put(declarationId, current);
        if (!current.complete()) {
            return;
        }
        Alert alert = AlertAssembler.assemble(current, context.currentSystemTimeMs());
        Alert previous = alerts.get(declarationId);
        if (previous != null && AlertAssembler.sameVerdict(previous, alert)) {
            return;
        }
        alerts.put(declarationId, alert);
        context.forward(record.withValue(alert));
    }
}
