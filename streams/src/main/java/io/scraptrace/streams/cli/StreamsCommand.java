package io.scraptrace.streams.cli;

import io.scraptrace.core.auth.Authenticator;
import io.scraptrace.core.auth.Authenticators;
import io.scraptrace.core.cli.CommonOptions;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.metrics.Metrics;
import io.scraptrace.streams.app.StreamsService;
import io.scraptrace.streams.dashboard.DashboardRoutes;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scraptrace streams}: the streams service alone (aggregates, lots, balances, alerts,
 * lineage, query API, live feed and dashboard) against an existing Kafka cluster. Run several with
 * the same topics and distinct {@code --port}/{@code --data-dir}: they share the work and answer
 * every query from any instance.
 */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run the Kafka Streams service (views, alerts, query API, /v1/stream, dashboard) until Ctrl-C.")
public final class StreamsCommand implements Callable<Integer> {
    /** Queries are GETs: no large bodies expected. */
    private static final long MAX_BODY_BYTES = 64 * 1024;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ScrapTraceConfig config = common.config();
        // Standalone, there is no demo to print generated tokens: refuse to serve data without a tokens file.
        Authenticator tokens = Authenticators.configured(config).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "a tokens file or an OpenID Connect provider is required: --tokens FILE or SCRAPTRACE_TOKENS_FILE (lines 'TOKEN ROLE SCOPE'), or auth.jwks.url"));
        ApiServer server = new ApiServer(config.httpHost(), config.httpPort(), MAX_BODY_BYTES, tokens, new Metrics(), javalin -> { });
        server.register(new DashboardRoutes());
        StreamsService service = new StreamsService(config, server);
        server.start();
        service.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.stop();
            server.stop();
            stopped.countDown();
        }, "streams-shutdown"));
        System.out.printf("streams service on http://%s:%d against %s%n", config.httpHost(), server.port(), config.bootstrapServers());
        stopped.await();
        return 0;
    }
}
