package io.scraptrace.app.bench;

import java.util.Arrays;

/** Percentiles of a set of durations in nanoseconds, reported in milliseconds. */
record Percentiles(long[] sortedNanos) {
    static Percentiles of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    double millis(double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("p50 %.0f ms, p99 %.0f ms, p999 %.0f ms (n=%d)", millis(0.50), millis(0.99), millis(0.999), sortedNanos.length);
    }
}
