package io.scraptrace.streams.kpis;

import io.scraptrace.avro.Alert;
import java.time.ZoneId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by declarationId, on the alerts topic: books each judged declaration's exported mass into
 * its region and month once. An alert is the verdict of the export checks, including whether a
 * valid Basel consent covered the destination; a re-check emits a newer alert, which replaces the
 * earlier booking (the old one is taken back out) so nothing is counted twice.
 */
final class ExportTally implements Processor<String, Alert, String, MonthlyTotals> {
    /** declarationId -> {@link CountedExport}. */
    static final String COUNTED_STORE = "views-kpis-exports-counted";

    private final MonthKey months;
    private ProcessorContext<String, MonthlyTotals> context;
    private KeyValueStore<String, CountedExport> counted;

    ExportTally(ZoneId zone) {
        this.months = new MonthKey(zone);
    }

    @Override
    public void init(ProcessorContext<String, MonthlyTotals> context) {
        this.context = context;
        this.counted = context.getStateStore(COUNTED_STORE);
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        if (alert == null) {
            return;
        }
        CountedExport now = CountedExport.of(alert, months);
        CountedExport before = counted.get(alert.getDeclarationId());
        if (now.equals(before)) {
            return;
        }
        if (before != null) {
            context.forward(new Record<>(before.monthKey(), MonthlyTotals.export(before).negated(), record.timestamp()));
        }
        counted.put(alert.getDeclarationId(), now);
        context.forward(new Record<>(now.monthKey(), MonthlyTotals.export(now), record.timestamp()));
    }
}
