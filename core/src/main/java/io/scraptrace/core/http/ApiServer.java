package io.scraptrace.core.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.scraptrace.core.auth.Authenticator;
import io.scraptrace.core.metrics.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import io.javalin.config.JavalinConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's HTTP server: JSON errors in the contract's shape, bearer auth, {@code /health}
 * (readiness of every registered check) and {@code /metrics}. Services add their {@link Routes}
 * before {@link #start()}.
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** Shared JSON mapper: ISO-8601 instants, camelCase fields as named. */
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Javalin app;
    private final Auth auth;
    private final Metrics metrics;
    private final String host;
    private final int port;
    private final Map<String, BooleanSupplier> readiness = new ConcurrentHashMap<>();

    /**
     * @param host         interface to bind
     * @param port         port (0 picks a free one)
     * @param maxBodyBytes request bodies above this are answered 413
     * @param tokens       accepted tokens (a tokens file, an OIDC provider's JWTs, or both)
     * @param metrics      the process's metrics
     * @param customizer   extra Javalin settings (static files, ...)
     */
    public ApiServer(String host, int port, long maxBodyBytes, Authenticator tokens, Metrics metrics, Consumer<JavalinConfig> customizer) {
        this.host = host;
        this.port = port;
        this.metrics = metrics;
        this.auth = new Auth(tokens);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = maxBodyBytes;
            config.jsonMapper(new JavalinJackson(JSON, false));
            customizer.accept(config);
        });
        app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(body(e.getMessage(), e.details())));
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(body(e.getMessage(), List.of())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(500).json(body("internal error", List.of()));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(body("no route " + ctx.method() + " " + ctx.path(), List.of()));
            }
        });
        app.get("/health", ctx -> {
            Map<String, Boolean> checks = new LinkedHashMap<>();
            readiness.forEach((name, check) -> checks.put(name, check.getAsBoolean()));
            boolean ready = checks.values().stream().allMatch(Boolean::booleanValue);
            ctx.status(ready ? 200 : 503).json(Map.of("status", ready ? "UP" : "STARTING", "checks", checks));
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.render()));
    }

    private static Map<String, Object> body(String error, List<ErrorDetail> details) {
        return details.isEmpty() ? Map.of("error", error) : Map.of("error", error, "details", details);
    }

    /** Add a service's endpoints. */
    public ApiServer register(Routes routes) {
        routes.register(app, auth);
        return this;
    }

    /** Add a readiness check reported by {@code /health}. */
    public ApiServer readiness(String name, BooleanSupplier ready) {
        readiness.put(name, ready);
        return this;
    }

    public Javalin app() {
        return app;
    }

    public Auth auth() {
        return auth;
    }

    public Metrics metrics() {
        return metrics;
    }

    public void start() {
        app.start(host, port);
        LOG.info("HTTP API on http://{}:{}", host, app.port());
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
