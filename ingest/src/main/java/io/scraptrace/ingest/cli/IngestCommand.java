package io.scraptrace.ingest.cli;

import io.scraptrace.core.auth.Authenticator;
import io.scraptrace.core.auth.Authenticators;
import io.scraptrace.core.cli.CommonOptions;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.ingest.IngestServer;
import io.scraptrace.ingest.IngestSettings;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scraptrace ingest}: the plant-facing ingest service alone (HTTP write endpoints, and the
 * MQTT bridge with {@code --mqtt-url}) against an existing Kafka cluster, until Ctrl-C.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run ingest (POST /v1/readings, /v1/frames, /v1/exports, /v1/labels, PUT /v1/sites/{siteId}; optional MQTT bridge) until Ctrl-C.")
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--mqtt-url", paramLabel = "URL",
            description = "Also take readings and frames from this MQTT broker (topics scraptrace/{siteId}/readings|frames), e.g. tcp://localhost:1883.")
    String mqttUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ScrapTraceConfig config = common.config(mqttUrl == null ? Map.of() : Map.of(IngestSettings.MQTT_URL, mqttUrl));
        // Standalone, there is no demo to print generated tokens: refuse to take data without a tokens file.
        Authenticator tokens = Authenticators.configured(config).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "a tokens file or an OpenID Connect provider is required: --tokens FILE or SCRAPTRACE_TOKENS_FILE (lines 'TOKEN ROLE SCOPE'), or auth.jwks.url"));
        IngestServer server = IngestServer.start(config, tokens);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "ingest-shutdown"));
        System.out.printf("ingest on http://%s:%d against %s%s%n", config.httpHost(), server.port(), config.bootstrapServers(),
                mqttUrl == null ? "" : ", MQTT bridge from " + mqttUrl);
        stopped.await();
        return 0;
    }
}
