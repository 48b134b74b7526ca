package io.scraptrace.ingest.bench;

import java.util.Arrays;

/** Request latencies recorded by several client threads; percentiles once they are done. */
final class Latencies {
    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    synchronized void record(long elapsedNanos) {
        nanos[count++] = elapsedNanos;
    }

    /** The {@code p}-th percentile (0-100) in milliseconds, nearest rank. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count) - 1;
        return sorted[Math.max(0, Math.min(rank, count - 1))] / 1e6;
    }
}
