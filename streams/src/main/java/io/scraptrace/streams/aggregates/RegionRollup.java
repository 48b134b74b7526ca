package io.scraptrace.streams.aggregates;

import io.scraptrace.avro.RegionAggregate;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keyed by region: adds each partial sum from the lot partitions to the totals of its window and of
 * every larger one (an hour's sum also counts in its day and all-time, a day's in all-time), and
 * forwards each updated total stamped with its window, keyed as it is published.
 */
final class RegionRollup implements Processor<String, RegionAggregate, String, RegionAggregate> {
    private ProcessorContext<String, RegionAggregate> context;
    private TimestampedWindowStore<String, RegionAggregate> hours;
    private TimestampedWindowStore<String, RegionAggregate> days;
    private TimestampedKeyValueStore<String, RegionAggregate> allTime;

    @Override
    public void init(ProcessorContext<String, RegionAggregate> context) {
        this.context = context;
        hours = context.getStateStore(AggregateWindow.HOUR.storeName());
        days = context.getStateStore(AggregateWindow.DAY.storeName());
        allTime = context.getStateStore(AggregateWindow.ALL.storeName());
    }

    @Override
    public void process(Record<String, RegionAggregate> record) {
        RegionAggregate partial = record.value();
        AggregateWindow finest = AggregateWindow.byLabel(partial.getWindow()).orElse(AggregateWindow.ALL);
        long time = record.timestamp();
        if (finest == AggregateWindow.HOUR) {
            add(hours, AggregateWindow.HOUR, record.key(), partial.getWindowStart().toEpochMilli(), partial, time);
        }
        if (finest != AggregateWindow.ALL) {
            add(days, AggregateWindow.DAY, record.key(), AggregateWindow.DAY.startOf(partial.getWindowStart().toEpochMilli()), partial, time);
        }
        ValueAndTimestamp<RegionAggregate> before = allTime.get(record.key());
        RegionAggregate total = RegionTotals.add(before == null ? RegionTotals.empty(AggregateWindow.ALL) : before.value(), partial);
        allTime.put(record.key(), ValueAndTimestamp.make(total, time));
        publish(RegionTotals.inWindow(total, AggregateWindow.ALL, Instant.EPOCH), time);
    }

    private void add(TimestampedWindowStore<String, RegionAggregate> store, AggregateWindow window, String region, long start,
                     RegionAggregate partial, long time) {
        ValueAndTimestamp<RegionAggregate> before = store.fetch(region, start);
        RegionAggregate total = RegionTotals.add(before == null ? RegionTotals.empty(window) : before.value(), partial);
        store.put(region, ValueAndTimestamp.make(total, time), start);
        publish(RegionTotals.inWindow(total, window, Instant.ofEpochMilli(start)), time);
    }

    private void publish(RegionAggregate stamped, long time) {
        context.forward(new Record<>(RegionTotals.key(stamped), stamped, time));
    }
}
