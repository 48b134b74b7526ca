package io.scraptrace.streams.aggregates;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The windows regional aggregates are kept over (CONTRACT section 2 {@code window=1h|1d|all}),
 * each with its own queryable store.
 */
public enum AggregateWindow {
    /** Tumbling hour. */
    HOUR("1h", Duration.ofHours(1), Duration.ofDays(2)),
    /** Tumbling day (UTC). */
    DAY("1d", Duration.ofDays(1), Duration.ofDays(35)),
    /** Since the beginning. */
    ALL("all", null, null);

    private final String label;
    private final Duration size;
    private final Duration retention;

    AggregateWindow(String label, Duration size, Duration retention) {
        this.label = label;
        this.size = size;
        this.retention = retention;
    }

    /** The label used in the API and in aggregate keys. */
    public String label() {
        return label;
    }

    /** Window length; null for all-time. */
    public Duration size() {
        return size;
    }

    /** How long closed windows stay queryable by default; null for all-time. */
    public Duration retention() {
        return retention;
    }

    /** Whether this is a time window (as opposed to all-time). */
    public boolean windowed() {
        return size != null;
    }

    /** Start of the window of this size holding epoch millisecond {@code time} (windows are aligned to the epoch, so days to UTC). */
    public long startOf(long time) {
        long size = this.size.toMillis();
        return Math.floorDiv(time, size) * size;
    }

    /** Name of the queryable store. */
    public String storeName() {
        return "views-agg-" + label + "-store";
    }

    /** The window with that API label. */
    public static Optional<AggregateWindow> byLabel(String label) {
        return Arrays.stream(values()).filter(w -> w.label.equals(label)).findFirst();
    }
}
