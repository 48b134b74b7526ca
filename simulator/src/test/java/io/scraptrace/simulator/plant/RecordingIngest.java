package io.scraptrace.simulator.plant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the ingest API on a loopback ephemeral port that records every request and
 * answers as the contract says: 202 with {"accepted": n, "rejected": 0, "errors": []}. The first
 * {@code throttled} requests to /v1/readings are answered 429 instead.
 */
final class RecordingIngest implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One request as received; {@code status} is what it was answered. */
    record Request(String method, String path, String token, String body, int status) {
        /** The body's JSON items: one object, or one per NDJSON line. */
        List<JsonNode> items() {
            List<JsonNode> items = new ArrayList<>();
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    try {
                        items.add(MAPPER.readTree(line));
                    } catch (IOException e) {
                        throw new UncheckedIOException("not JSON: " + line, e);
                    }
                }
            }
            return items;
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger throttled;

    RecordingIngest(int throttledReadingRequests) throws IOException {
        // Without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.throttled = new AtomicInteger(throttledReadingRequests);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth == null ? null : auth.replaceFirst("^Bearer ", "");
        int status;
        String reply;
        if (path.equals("/v1/readings") && throttled.getAndDecrement() > 0) {
            status = 429;
            reply = "{\"error\":\"overloaded\",\"details\":[]}";
        } else {
            long items = body.lines().filter(line -> !line.isBlank()).count();
            status = exchange.getRequestMethod().equals("PUT") ? 200 : 202;
            reply = "{\"accepted\":" + items + ",\"rejected\":0,\"errors\":[]}";
        }
        synchronized (this) {
            requests.add(new Request(exchange.getRequestMethod(), path, token, body, status));
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
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
