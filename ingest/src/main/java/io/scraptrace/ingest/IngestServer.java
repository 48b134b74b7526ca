package io.scraptrace.ingest;

import io.scraptrace.core.auth.Authenticator;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.metrics.Metrics;

/**
 * Ingest run alone: the service plus an HTTP server serving only its routes, {@code /health} and
 * {@code /metrics} (the {@code ingest} command; the demo instead registers {@link IngestService#routes()}
 * on its shared server).
 */
public final class IngestServer implements AutoCloseable {
    private final IngestService service;
    private final ApiServer http;

    private IngestServer(IngestService service, ApiServer http) {
        this.service = service;
        this.http = http;
    }

    /** Start the service, then serve HTTP on {@code http.host}:{@code http.port} (port 0 picks a free one). */
    public static IngestServer start(ScrapTraceConfig config, Authenticator tokens) {
        Metrics metrics = new Metrics();
        IngestService service = new IngestService(config, metrics);
        service.start();
        try {
            ApiServer http = new ApiServer(config.httpHost(), config.httpPort(), service.settings().maxBodyBytes(),
                    tokens, metrics, javalin -> { })
                    .register(service.routes())
                    .readiness("ingest", service::ready);
            http.start();
            return new IngestServer(service, http);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    /** The bound HTTP port. */
    public int port() {
        return http.port();
    }

    /** The running service. */
    public IngestService service() {
        return service;
    }

    @Override
    public void close() {
        http.stop();
        service.stop();
    }
}
