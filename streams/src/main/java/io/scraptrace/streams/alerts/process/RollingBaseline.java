package io.scraptrace.streams.alerts.process;

import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Measurement;
import io.scraptrace.streams.alerts.model.Reason;
import io.scraptrace.streams.alerts.model.Sample;
import io.scraptrace.streams.alerts.model.SampleHistory;
import io.scraptrace.streams.alerts.model.Verdict;
import io.scraptrace.streams.alerts.rules.BaselineRule;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by the rule's baseline key: judges each declaration against the previous figures of its
 * key, then adds its own figure once (a re-sent declaration is judged again but not counted
 * twice). Forwards the verdict keyed by declarationId.
 */
public final class RollingBaseline implements Processor<String, Declaration, String, Verdict> {
    private final BaselineRule rule;
    private ProcessorContext<String, Verdict> context;
    private KeyValueStore<String, SampleHistory> histories;

    public RollingBaseline(BaselineRule rule) {
        this.rule = rule;
    }

    /** Name of the history store of {@code rule}. */
    public static String storeName(BaselineRule rule) {
        return "alerts-" + rule.name();
    }

    @Override
    public void init(ProcessorContext<String, Verdict> context) {
        this.context = context;
        histories = context.getStateStore(storeName(rule));
    }

    @Override
    public void process(Record<String, Declaration> record) {
        Declaration declaration = record.value();
        SampleHistory known = histories.get(record.key());
        SampleHistory history = known == null ? SampleHistory.empty() : known;
        OptionalDouble sample = rule.sample(declaration);
        List<Reason> reasons = List.of();
        if (sample.isPresent()) {
            double value = sample.getAsDouble();
            reasons = rule.evaluate(declaration, value, history.valuesExcept(declaration.declarationId())).stream().toList();
            if (!history.contains(declaration.declarationId())) {
                histories.put(record.key(), history.append(new Sample(declaration.declarationId(), value), rule.window()));
            }
        }
        // The merger keeps the verdict for as long as the declaration lives: its lot list stays out.
        Verdict verdict = new Verdict(rule.kind(), declaration.withoutLots(), Measurement.NONE, reasons);
        context.forward(new Record<>(declaration.declarationId(), verdict, record.timestamp()));
    }
}
