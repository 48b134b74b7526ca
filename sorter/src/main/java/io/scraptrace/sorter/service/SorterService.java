package io.scraptrace.sorter.service;

import io.scraptrace.core.Service;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.core.metrics.Metrics;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sorter: grades {@code scrap.readings} (fusing {@code scrap.frames}) into
 * {@code scrap.graded} exactly once, dead-lettering what it cannot score. Runs
 * {@value SorterSettings#INSTANCES} grading loops (default 1); more processes with the same
 * {@value SorterSettings#GROUP_ID} share the partitions.
 */
public final class SorterService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(SorterService.class);
    private static final long STOP_TIMEOUT_MS = 30_000;

    private final ScrapTraceConfig config;
    private final SorterSettings settings;
    private final SorterMetrics metrics;
    private final BatchObserver observer;
    private final List<GradingLoop> loops = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /** A sorter configured by {@code config} (see {@link SorterSettings} for its keys). */
    public SorterService(ScrapTraceConfig config, Metrics metrics) {
        this(config, metrics, BatchObserver.NONE);
    }

    /** As above, telling {@code observer} about every committed batch. */
    public SorterService(ScrapTraceConfig config, Metrics metrics, BatchObserver observer) {
        this.config = config;
        this.settings = SorterSettings.from(config);
        this.metrics = new SorterMetrics(metrics);
        this.observer = observer;
    }

    @Override
    public synchronized void start() {
        if (!threads.isEmpty()) {
            return;
        }
        TopicCreator.ensureTopics(config);
        String processId = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < settings.instances(); i++) {
            GradingLoop loop = new GradingLoop(config, settings, processId + "-" + i, metrics, observer);
            Thread thread = new Thread(loop, "sorter-" + i);
            loops.add(loop);
            threads.add(thread);
            thread.start();
        }
        LOG.info("sorter started: {} loop(s), models {}, UNCERTAIN below {}", settings.instances(),
                settings.modelDir() == null ? "default (classpath)" : settings.modelDir(), settings.threshold());
    }

    @Override
    public synchronized void stop() {
        loops.forEach(GradingLoop::stop);
        for (Thread thread : threads) {
            try {
                thread.join(STOP_TIMEOUT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        loops.clear();
        threads.clear();
    }

    @Override
    public boolean ready() {
        List<GradingLoop> current = List.copyOf(loops);
        return !current.isEmpty() && current.stream().allMatch(GradingLoop::ready);
    }
}
