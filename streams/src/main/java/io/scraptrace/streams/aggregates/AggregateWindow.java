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

    private static final AggregateWindow[] TIMED = {HOUR, DAY};

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

    /**
     * The smallest window a reading measured at {@code time} still counts in: its hour, else (too late
     * for that) its day, else all-time. A window closes {@code grace} after its end in stream time
     * ({@code streamTime}, the latest measurement time the partition has seen).
     */
    public static AggregateWindow finestOpen(long time, long streamTime, Duration grace) {
        long closedBefore = Math.max(streamTime, time) - grace.toMillis();
        for (AggregateWindow candidate : TIMED) {
            if (candidate.startOf(time) + candidate.size.toMillis() > closedBefore) {
                return candidate;
            }
        }
        return ALL;
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
