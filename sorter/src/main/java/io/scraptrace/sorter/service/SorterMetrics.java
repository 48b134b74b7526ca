package io.scraptrace.sorter.service;

import io.scraptrace.core.metrics.Metrics;

/** The sorter's Prometheus counters. */
final class SorterMetrics {
    final Metrics.Counter graded;
    final Metrics.Counter uncertain;
    final Metrics.Counter fused;
    final Metrics.Counter deadLetters;
    final Metrics.Counter frames;
    final Metrics.Counter batches;
    final Metrics.Counter aborted;
    final Metrics.Counter reloads;
    final Metrics registry;

    SorterMetrics(Metrics metrics) {
        registry = metrics;
        String readings = "scraptrace_sorter_readings_total";
        String readingsHelp = "Readings graded by the sorter, by outcome";
        graded = metrics.counter(readings, readingsHelp, "outcome", "graded");
        uncertain = metrics.counter(readings, readingsHelp, "outcome", "uncertain");
        fused = metrics.counter("scraptrace_sorter_fused_total", "Graded readings that fused their camera frame");
        deadLetters = metrics.counter("scraptrace_sorter_dead_letters_total", "Readings and frames sent to the dead-letter topic");
        frames = metrics.counter("scraptrace_sorter_frames_total", "Camera frames scored");
        batches = metrics.counter("scraptrace_sorter_batches_total", "Committed grading transactions");
        aborted = metrics.counter("scraptrace_sorter_aborted_batches_total", "Aborted and retried grading transactions");
        reloads = metrics.counter("scraptrace_sorter_model_reloads_total", "Model versions hot-reloaded");
    }

    void record(BatchProcessor.Output output) {
        graded.inc(output.graded());
        uncertain.inc(output.uncertain());
        fused.inc(output.fused());
        deadLetters.inc(output.deadLetters());
        frames.inc(output.frames());
        batches.inc();
    }
}
