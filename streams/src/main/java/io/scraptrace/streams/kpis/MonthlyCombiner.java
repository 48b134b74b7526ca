package io.scraptrace.streams.kpis;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Site;
import io.scraptrace.streams.aggregates.RegionContribution;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * On the lot partitions: sums what each deduplicated graded reading adds to its region's month, so
 * that one record per region and month and interval is repartitioned, not one per reading (the same
 * reason the views' combiner exists). The reading's region is read from the site registry's global
 * store. The sums are written to a changelogged, cached store on every reading and forwarded and
 * deleted on a wall-clock timer; under exactly-once both commit with the input offsets, so a crash
 * neither loses nor repeats a reading. The store is only read when the task (re)initialises.
 */
final class MonthlyCombiner implements Processor<String, GradedReading, String, MonthlyTotals> {
    /** region|yyyy-MM -> sums not yet sent on. */
    static final String STORE = "views-kpis-partials-store";

    private final String sitesStore;
    private final Duration interval;
    private final MonthKey months;
    private ProcessorContext<String, MonthlyTotals> context;
    private KeyValueStore<String, MonthlyTotals> store;
    private TimestampedKeyValueStore<String, Site> sites;
    private Map<String, MonthlyTotals> pending;

    MonthlyCombiner(String sitesStore, ZoneId zone, Duration interval) {
        this.sitesStore = sitesStore;
        this.months = new MonthKey(zone);
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, MonthlyTotals> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.sites = context.getStateStore(sitesStore);
        // Called again when a task is revived after a failure: the store then holds what was committed.
        this.pending = new HashMap<>();
        try (KeyValueIterator<String, MonthlyTotals> it = store.all()) {
            it.forEachRemaining(entry -> pending.put(entry.key, entry.value));
        }
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<String, GradedReading> record) {
        GradedReading reading = record.value();
        ValueAndTimestamp<Site> site = sites.get(reading.getSiteId());
        String region = site == null || site.value() == null ? RegionContribution.UNKNOWN_REGION : site.value().getRegion();
        String key = months.key(region, record.timestamp());
        MonthlyTotals sum = pending.merge(key, MonthlyTotals.intake(reading), MonthlyTotals::add);
        store.put(key, sum);
    }

    private void flush() {
        long timestamp = Math.max(context.currentStreamTimeMs(), 0);
        for (Map.Entry<String, MonthlyTotals> entry : pending.entrySet()) {
            store.delete(entry.getKey());
            context.forward(new Record<>(entry.getKey(), entry.getValue(), timestamp));
        }
        pending.clear();
    }
}
