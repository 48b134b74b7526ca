package io.scraptrace.streams.testing;

import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.auth.TokenStore;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.metrics.Metrics;
import io.scraptrace.streams.app.StreamsService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;

/** One streams instance (HTTP API on a free loopback port + the streams service) for integration tests. */
public final class StreamsInstance implements AutoCloseable {
    public static final String REGULATOR = "reg-token";
    public static final String OPERATOR_JP13 = "op13-token";
    public static final String PLANT_S1 = "plant-s1-token";

    private static final TokenStore TOKENS = TokenStore.of(Map.of(
            REGULATOR, new Principal("regulator", Role.REGULATOR, Set.of(Principal.ANY)),
            OPERATOR_JP13, new Principal("operator", Role.OPERATOR, Set.of("JP-13")),
            PLANT_S1, new Principal("plant", Role.PLANT, Set.of("S1"))));

    public final ApiServer server;
    public final StreamsService service;
    public final ApiClient client;

    private StreamsInstance(ScrapTraceConfig config) {
        server = new ApiServer("127.0.0.1", 0, 64 * 1024, TOKENS, new Metrics(), javalin -> { });
        service = new StreamsService(config, server);
        server.start();
        service.start();
        client = new ApiClient("http://127.0.0.1:" + server.port());
    }

    /** Starts an instance against {@code bootstrap} keeping its state in {@code dataDir}. */
    public static StreamsInstance start(String bootstrap, Path dataDir, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put(ScrapTraceConfig.BOOTSTRAP_SERVERS, bootstrap);
        all.put(ScrapTraceConfig.DATA_DIR, dataDir.toString());
        all.put(ScrapTraceConfig.HTTP_HOST, "127.0.0.1");
        return new StreamsInstance(ScrapTraceConfig.of(all));
    }

    /** Waits until the application is RUNNING. */
    public StreamsInstance awaitRunning(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (service.streams() == null || service.streams().state() != KafkaStreams.State.RUNNING) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("streams not RUNNING after " + timeout + ": " + (service.streams() == null ? "null" : service.streams().state()));
            }
            Thread.sleep(100);
        }
        return this;
    }

    @Override
    public void close() {
        service.stop();
        server.stop();
    }
}
