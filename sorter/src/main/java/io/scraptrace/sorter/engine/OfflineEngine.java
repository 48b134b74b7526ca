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

    private OfflineEngine() {
    }

    /** The PyTorch engine, initialised offline on first call. */
    public static synchronized Engine get() {
        // Respect an explicit setting, but default to offline: the natives ship in the jar.
        if (System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
        }
        return Engine.getEngine(NAME);
    }
}
