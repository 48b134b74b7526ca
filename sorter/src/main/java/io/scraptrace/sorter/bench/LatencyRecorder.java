package io.scraptrace.sorter.bench;

import io.scraptrace.sorter.service.BatchObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects committed batches: each record's consume-to-produce latency is its batch's time from
 * poll to transaction commit. Gives the throughput over the first poll to the last commit and
 * record-weighted latency percentiles. Thread-safe.
 */
final class LatencyRecorder implements BatchObserver {
    private record Batch(int records, long polledNanos, long committedNanos) {
        long latencyNanos() {
            return committedNanos - polledNanos;
        }
    }

    private final List<Batch> batches = new ArrayList<>();
    private long records;

    @Override
    public synchronized void committed(int count, long polledNanos, long committedNanos) {
        batches.add(new Batch(count, polledNanos, committedNanos));
        records += count;
        notifyAll();
    }

    /** Wait until {@code expected} records were committed; false on timeout. */
    synchronized boolean awaitRecords(long expected, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (records < expected) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Records per second from the first poll to the last commit. */
    synchronized double recordsPerSecond() {
        long start = batches.stream().mapToLong(Batch::polledNanos).min().orElse(0);
        long end = batches.stream().mapToLong(Batch::committedNanos).max().orElse(0);
        return end > start ? records * 1e9 / (end - start) : 0;
    }

    /** The latency (ms) below which {@code quantile} of the records were produced. */
    synchronized double latencyMillis(double quantile) {
        List<Batch> sorted = new ArrayList<>(batches);
        sorted.sort(Comparator.comparingLong(Batch::latencyNanos));
        long target = (long) Math.ceil(quantile * records);
        long seen = 0;
        for (Batch b : sorted) {
            seen += b.records();
            if (seen >= target) {
                return b.latencyNanos() / 1e6;
            }
        }
        return Double.NaN;
    }
}
