package io.scraptrace.sorter.engine;

import ai.djl.engine.Engine;

/**
 * The PyTorch engine, loaded with no network access. The native library comes from the
 * {@code pytorch-native-cpu} jar on the classpath; {@code ai.djl.offline=true} stops DJL from
 * trying to download a "better" build at run time, which would hang or fail on a plant network.
 */
public final class OfflineEngine {
    /** DJL's engine name for PyTorch. */
    public static final String NAME = "PyTorch";
    private static final String OFFLINE = "ai.djl.offline";
    private static final String INTRA_OP_THREADS = "ai.djl.pytorch.num_threads";
    private static final String INTER_OP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private OfflineEngine() {
    }

    /** The PyTorch engine, initialised offline on first call. */
    public static synchronized Engine get() {
        // Respect an explicit setting, but default to offline: the natives ship in the jar.
        defaultProperty(OFFLINE, "true");
        /*
         * One thread per op: our networks are tiny, and on a busy box (Kafka, streams, other
         * services) multi-threaded ops wait on each other. Measured here: a training epoch took
         * 20 s with 2 threads under load and 1.5 s with 1. Scale out with more grading loops.
         */
        defaultProperty(INTRA_OP_THREADS, "1");
        defaultProperty(INTER_OP_THREADS, "1");
        return Engine.getEngine(NAME);
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
