package io.scraptrace.sorter.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Camera-model probabilities of recently seen frames, by frameId, so a reading can be fused with
 * a frame that arrived before it. Bounded: the oldest frame is evicted first; a reading whose
 * frame was never seen, was evicted, or arrives before it, is graded from its sensor data alone.
 * Owned by one grading loop (not thread-safe).
 */
final class FrameCache {
    private final Map<String, float[]> frames;

    FrameCache(int capacity) {
        this.frames = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    void put(String frameId, float[] probabilities) {
        frames.put(frameId, probabilities);
    }

    /** Probabilities of {@code frameId}, or null when not (or no longer) known. */
    float[] get(String frameId) {
        return frames.get(frameId);
    }
}
