package io.scraptrace.core;

/**
 * A long-running part of the pipeline (ingest, sorter, streams, simulator) behind start/stop, so
 * the launcher can run one alone or all of them in one process.
 */
public interface Service extends AutoCloseable {
    /** Start; returns once the service is running (not necessarily ready). */
    void start();

    /** Stop and release everything; idempotent. */
    void stop();

    /** Whether it is ready to do its work (for {@code /health}). */
    default boolean ready() {
        return true;
    }

    @Override
    default void close() {
        stop();
    }
}
