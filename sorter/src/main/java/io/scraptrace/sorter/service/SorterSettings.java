package io.scraptrace.sorter.service;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.sorter.grading.GradeDecider;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The sorter's configuration keys, resolved from {@link ScrapTraceConfig} (file, SCRAPTRACE_* env
 * or command line).
 *
 * @param modelDir       {@value #MODEL_DIR}: model directory or models root; null = default model on the classpath
 * @param threshold      {@value GradeDecider#THRESHOLD_KEY}: below it a reading is graded UNCERTAIN
 * @param maxBatch       {@value #MAX_BATCH}: records per poll, i.e. per inference batch and transaction
 * @param instances      {@value #INSTANCES}: grading loops in this process (each a consumer-group member)
 * @param frameCacheSize {@value #FRAME_CACHE}: frames remembered per loop for fusion
 * @param modelCheck     {@value #MODEL_CHECK_MS}: how often a models root is checked for a new LATEST
 * @param groupId        {@value #GROUP_ID}: consumer group of all sorter instances
 */
public record SorterSettings(Path modelDir, double threshold, int maxBatch, int instances, int frameCacheSize,
                             Duration modelCheck, String groupId) {
    public static final String MODEL_DIR = "sorter.model.dir";
    public static final String MAX_BATCH = "sorter.batch.max";
    public static final String INSTANCES = "sorter.instances";
    public static final String FRAME_CACHE = "sorter.frame.cache.size";
    public static final String MODEL_CHECK_MS = "sorter.model.check.ms";
    public static final String GROUP_ID = "sorter.group.id";
    /** Default consumer group. */
    public static final String DEFAULT_GROUP = "scraptrace-sorter";

    public SorterSettings {
        if (maxBatch < 1 || instances < 1 || frameCacheSize < 0) {
            throw new IllegalArgumentException(MAX_BATCH + " and " + INSTANCES + " must be >= 1, " + FRAME_CACHE + " >= 0");
        }
    }

    /** Settings from {@code config}, with defaults. */
    public static SorterSettings from(ScrapTraceConfig config) {
        return new SorterSettings(
                config.get(MODEL_DIR).filter(s -> !s.isBlank()).map(Path::of).orElse(null),
                config.getDouble(GradeDecider.THRESHOLD_KEY, GradeDecider.DEFAULT_THRESHOLD),
                config.getInt(MAX_BATCH, 1024),
                config.getInt(INSTANCES, 1),
                config.getInt(FRAME_CACHE, 10_000),
                Duration.ofMillis(config.getLong(MODEL_CHECK_MS, 5_000)),
                config.get(GROUP_ID, DEFAULT_GROUP));
    }
}
