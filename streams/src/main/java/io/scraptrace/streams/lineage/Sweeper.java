package io.scraptrace.streams.lineage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Walks a task's lineage store a bounded batch at a time, resuming where it stopped, and replaces
 * each trace measured more than the retention before stream time with {@link ReadingTrace#EXPIRED}.
 * Bounded batches keep a sweep from stalling the stream thread however large the store; a whole
 * pass takes store size / {@value #BATCH} intervals. Stream time rather than the wall clock decides,
 * so a replay expires the same traces.
 */
final class Sweeper {
    /** How often a batch is swept. */
    static final Duration INTERVAL = Duration.ofSeconds(10);
    /** Entries looked at per batch. */
    static final int BATCH = 20_000;

    private final KeyValueStore<String, ReadingTrace> traces;
    private final Duration retention;
    /** Where the next batch starts; null to start over. */
    private String cursor;

    Sweeper(KeyValueStore<String, ReadingTrace> traces, Duration retention) {
        this.traces = traces;
        this.retention = retention;
    }

    /** Expires what one batch finds measured before {@code streamTime} minus the retention. */
    void sweep(long streamTime) {
        long horizon = streamTime - retention.toMillis();
        List<String> expired = new ArrayList<>();
        String next = null;
        try (KeyValueIterator<String, ReadingTrace> it = cursor == null ? traces.all() : traces.range(cursor, null)) {
            for (int seen = 0; it.hasNext(); seen++) {
                KeyValue<String, ReadingTrace> entry = it.next();
                if (seen == BATCH) {
                    next = entry.key;
                    break;
                }
                if (!entry.value.expired() && entry.value.timestamp() < horizon) {
                    expired.add(entry.key);
                }
            }
        }
        cursor = next;
        // Written after the iterator is closed: a store is not changed under its own open iterator.
        expired.forEach(key -> traces.put(key, ReadingTrace.EXPIRED));
    }
}
