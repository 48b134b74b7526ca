package io.scraptrace.sorter.bench;

import io.scraptrace.avro.Reading;
import io.scraptrace.sorter.features.FrameImages;
import io.scraptrace.sorter.features.SensorFeatures;
import io.scraptrace.sorter.features.UnscorableException;
import io.scraptrace.sorter.grading.Grader;
import io.scraptrace.sorter.model.GradeModel;
import io.scraptrace.sorter.model.Scorer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;

/** In-memory rates of the models: raw DJL inference, full grading, and camera frames. */
final class InferenceBench {
    private static final long WARM_UP_NANOS = 500_000_000L;
    private static final int ROUNDS = 3;
    private static final long ROUND_NANOS = 1_000_000_000L;

    private InferenceBench() {
    }

    /** Raw sensor-model rows/s at {@code batch}: features ready, one DJL call per batch. */
    static Rate sensorRowsPerSecond(GradeModel model, List<Reading> readings, int batch) throws UnscorableException {
        float[] features = new float[batch * SensorFeatures.COUNT];
        for (int i = 0; i < batch; i++) {
            SensorFeatures.extract(readings.get(i % readings.size()), features, i * SensorFeatures.COUNT);
        }
        try (Scorer scorer = model.newScorer()) {
            return rate(batch, () -> scorer.probabilities(features, batch));
        }
    }

    /** Grader rows/s at {@code batch}: features, inference, UNCERTAIN decision and the graded Avro record. */
    static Rate gradedRowsPerSecond(Grader grader, List<Reading> readings, int batch) {
        List<Reading> slice = readings.subList(0, Math.min(batch, readings.size()));
        Instant now = Instant.now();
        return rate(slice.size(), () -> grader.grade(slice, id -> null, now));
    }

    /** Camera frames/s at {@code batch}, decoding the PNGs each time when {@code decode}. */
    static Rate framesPerSecond(GradeModel camera, Grader grader, List<byte[]> pngs, int batch, boolean decode)
            throws UnscorableException {
        List<byte[]> slice = pngs.subList(0, Math.min(batch, pngs.size()));
        if (decode) {
            return rate(slice.size(), () -> grader.scoreFrames(slice));
        }
        float[] pixels = new float[slice.size() * FrameImages.VALUES];
        for (int i = 0; i < slice.size(); i++) {
            FrameImages.decode(slice.get(i), pixels, i * FrameImages.VALUES);
        }
        try (Scorer scorer = camera.newScorer()) {
            return rate(slice.size(), () -> scorer.probabilities(pixels, slice.size()));
        }
    }

    /**
     * Rows per second of {@code call}, which handles {@code rowsPerCall} rows, after a warm-up:
     * per wall-clock second, and per second of this thread's CPU time. With one op thread the
     * engine computes on the calling thread, so the CPU figure is what the model costs even when
     * other processes crowd the box and stretch the wall clock. Best of {@value #ROUNDS} rounds,
     * because such load comes and goes.
     */
    private static Rate rate(int rowsPerCall, Runnable call) {
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUpEnd) {
            call.run();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestWall = 0;
        double bestCpu = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long calls = 0;
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long elapsed;
            do {
                call.run();
                calls++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < ROUND_NANOS);
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            double rows = (double) calls * rowsPerCall;
            bestWall = Math.max(bestWall, rows * 1e9 / elapsed);
            bestCpu = Math.max(bestCpu, cpu > 0 ? rows * 1e9 / cpu : 0);
        }
        return new Rate(bestWall, bestCpu);
    }

    /**
     * A measured rate.
     *
     * @param perWallSecond rows per elapsed second
     * @param perCpuSecond  rows per second of the measuring thread's CPU time
     */
    record Rate(double perWallSecond, double perCpuSecond) {
    }
}
