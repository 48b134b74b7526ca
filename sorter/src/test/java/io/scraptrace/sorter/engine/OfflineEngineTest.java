package io.scraptrace.sorter.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class OfflineEngineTest {
    @Test
    void loadsPyTorchFromTheBundledNativeJarInOfflineModeAndComputes() {
        Engine engine = OfflineEngine.get();
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals(OfflineEngine.NAME, engine.getEngineName());
        assertEquals("2.7.1", engine.getVersion());
        try (NDManager manager = engine.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            assertArrayEquals(new float[] {7, 10, 15, 22}, x.matMul(x).toFloatArray());
        }
    }
}
