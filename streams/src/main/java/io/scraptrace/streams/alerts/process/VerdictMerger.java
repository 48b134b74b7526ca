package io.scraptrace.streams.alerts.process;

import io.scraptrace.avro.Alert;
import io.scraptrace.streams.alerts.model.PendingLots;
import io.scraptrace.streams.alerts.model.Verdict;
import io.scraptrace.streams.alerts.model.VerdictSet;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by declarationId: keeps the latest verdict of each check. Once every check has judged, it
 * assembles the Alert, stores it as the declaration's latest and forwards it - only when it differs
 * from the stored one, so a re-check that changes nothing emits nothing. Until then it keeps a
 * PENDING alert in the store (never on the topic), from the moment the declaration arrives here
 * straight from the exports topic, so a query about an accepted declaration never finds nothing.
 */
public final class VerdictMerger implements Processor<String, Verdict, String, Alert> {
    /** declarationId -> {@link VerdictSet}. */
    public static final String VERDICTS_STORE = "alerts-verdict-sets";

    private final String alertsStoreName;
    private final Duration lotWait;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, VerdictSet> verdicts;
    private KeyValueStore<String, Alert> alerts;

    /**
     * @param lotWait how long the site ledger waits for lots: a declaration just arrived is judged
     *                this long from now at the latest
     */
    public VerdictMerger(String alertsStoreName, Duration lotWait) {
        this.alertsStoreName = alertsStoreName;
        this.lotWait = lotWait;
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
        long now = context.currentSystemTimeMs();
        VerdictSet known = verdicts.get(declarationId);
        VerdictSet current = (known == null ? VerdictSet.empty() : known).with(withDeadline(record.value(), now));
        verdicts.put(declarationId, current);
        Alert previous = alerts.get(declarationId);
        if (!current.complete()) {
            if (previous == null || AlertAssembler.PENDING.equals(previous.getStatus())) {
                Alert pending = AlertAssembler.pending(current, now);
                if (previous == null || !AlertAssembler.sameVerdict(previous, pending)) {
                    alerts.put(declarationId, pending);
                }
            }
            return;
        }
        Alert alert = AlertAssembler.assemble(current, now);
        if (previous != null && AlertAssembler.sameVerdict(previous, alert)) {
            return;
        }
        alerts.put(declarationId, alert);
        context.forward(record.withValue(alert));
    }

    /** A declaration that just arrived is judged a lot wait from now at the latest, until the site ledger says when exactly. */
    private Verdict withDeadline(Verdict verdict, long now) {
        PendingLots pending = verdict.pending();
        if (pending == null || pending.judgeBy() > 0) {
            return verdict;
        }
        return Verdict.waiting(verdict.declaration(),
                new PendingLots(pending.lotsMissing(), pending.lotsMissingCount(), now + lotWait.toMillis()));
    }
}
