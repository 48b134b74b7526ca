package io.scraptrace.sorter.service;

/** Told about every committed grading transaction (benchmarks measure latency with it). */
@FunctionalInterface
public interface BatchObserver {
    /** Ignores everything. */
    BatchObserver NONE = (records, polledNanos, committedNanos) -> {
    };

    /**
     * @param records        consumed records in the batch
     * @param polledNanos    {@link System#nanoTime()} when the poll returned them
     * @param committedNanos {@link System#nanoTime()} when their transaction committed
     */
    void committed(int records, long polledNanos, long committedNanos);
}
