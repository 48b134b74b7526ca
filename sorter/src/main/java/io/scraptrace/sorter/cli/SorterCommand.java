package io.scraptrace.sorter.cli;

import io.scraptrace.core.auth.Authenticator;
import io.scraptrace.core.auth.Authenticators;
import io.scraptrace.core.auth.TokenStore;
import io.scraptrace.core.cli.CommonOptions;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.metrics.Metrics;
import io.scraptrace.sorter.grading.GradeDecider;
import io.scraptrace.sorter.service.SorterService;
import io.scraptrace.sorter.service.SorterSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scraptrace sorter}: the grading service against {@code --bootstrap-servers}, with
 * {@code /health} and {@code /metrics} on {@code --port}; runs until Ctrl-C.
 */
@Command(name = "sorter", mixinStandardHelpOptions = true,
        description = "Grade scrap.readings (fused with scrap.frames) into scrap.graded, exactly once; runs until Ctrl-C.")
public final class SorterCommand implements Callable<Integer> {
    private static final long MAX_BODY_BYTES = 1024 * 1024;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model directory, or a models root whose LATEST is hot-reloaded (default: the model shipped in the jar).")
    Path model;

    @Option(names = "--threshold", description = "Confidence below which a reading is graded UNCERTAIN (default 0.6).")
    Double threshold;

    @Option(names = "--instances", description = "Grading loops in this process (default 1).")
    Integer instances;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> overrides = new HashMap<>();
        if (model != null) {
            overrides.put(SorterSettings.MODEL_DIR, model.toString());
        }
        if (threshold != null) {
            overrides.put(GradeDecider.THRESHOLD_KEY, threshold.toString());
        }
        if (instances != null) {
            overrides.put(SorterSettings.INSTANCES, instances.toString());
        }
        ScrapTraceConfig config = common.config(overrides);
        Metrics metrics = new Metrics();
        SorterService sorter = new SorterService(config, metrics);
        Authenticator tokens = Authenticators.configured(config).orElseGet(() -> TokenStore.of(Map.of()));
        ApiServer http = new ApiServer(config.httpHost(), config.httpPort(), MAX_BODY_BYTES, tokens, metrics, c -> {
        }).readiness("sorter", sorter::ready);
        sorter.start();
        http.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop();
            sorter.stop();
            stopped.countDown();
        }, "sorter-shutdown"));
        stopped.await();
        return 0;
    }
}
