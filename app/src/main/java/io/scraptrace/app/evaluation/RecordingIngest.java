package io.scraptrace.app.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.ingest.IngestSettings;
import io.scraptrace.ingest.intake.RecordKinds;
import io.scraptrace.ingest.validation.ItemValidator;
import io.scraptrace.ingest.validation.Validated;
import io.scraptrace.ingest.validation.Violation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A stand-in for the ingest API on a loopback ephemeral port, for an offline simulator run: each
 * item is validated by ingest's own validators, answered as the contract says (202 or 200 with
 * accepted, rejected and the errors by index) and, when valid, kept as the Avro record ingest would
 * publish, received at the time {@code clock} tells. Nothing reaches Kafka; {@link #accepted()} is
 * what the topics would hold, in arrival order.
 */
final class RecordingIngest implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, ItemValidator<?>> validators;
    private final List<Object> accepted = new ArrayList<>();
    private final Supplier<Instant> clock;

    RecordingIngest(Supplier<Instant> clock) throws IOException {
        this.clock = clock;
        // Without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // Ingest's own kinds with its default settings, so this stand-in validates exactly as ingest does.
        ScrapTraceConfig defaults = ScrapTraceConfig.of(Map.of());
        RecordKinds kinds = new RecordKinds(defaults.topics(), IngestSettings.from(defaults).maxFrameBytes());
        this.validators = Map.of("/v1/readings", kinds.readings().validator(), "/v1/frames", kinds.frames().validator(),
                "/v1/exports", kinds.exports().validator(), "/v1/sites", kinds.sites().validator());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL to give the simulator. */
    URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** Every accepted record ({@code Site}, {@code Reading}, {@code Frame}, {@code ExportDeclaration}) in arrival order. */
    synchronized List<Object> accepted() {
        return List.copyOf(accepted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean site = path.startsWith("/v1/sites/");
        ItemValidator<?> validator = validators.get(site ? "/v1/sites" : path);
        if (validator == null) {
            reply(exchange, 404, "{\"error\":\"no such endpoint\",\"details\":[]}");
            return;
        }
        Instant receivedAt = clock.get();
        List<Object> records = new ArrayList<>();
        ArrayNode errors = JsonNodeFactory.instance.arrayNode();
        List<String> lines = body.lines().filter(line -> !line.isBlank()).toList();
        for (int i = 0; i < lines.size(); i++) {
            Validated<?> validated = validate(validator, lines.get(i), receivedAt);
            if (validated.isValid()) {
                records.add(validated.record());
            } else {
                for (Violation violation : validated.violations()) {
                    errors.addObject().put("index", i).put("field", violation.field()).put("reason", violation.reason());
                }
            }
        }
        synchronized (this) {
            accepted.addAll(records);
        }
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        reply.put("accepted", records.size()).put("rejected", lines.size() - records.size()).set("errors", errors);
        reply(exchange, site ? 200 : 202, reply.toString());
    }

    private static Validated<?> validate(ItemValidator<?> validator, String line, Instant receivedAt) {
        JsonNode item;
        try {
            item = MAPPER.readTree(line);
        } catch (IOException e) {
            return Validated.invalid(List.of(new Violation(null, "is not JSON")));
        }
        return validator.validate(item, receivedAt);
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
