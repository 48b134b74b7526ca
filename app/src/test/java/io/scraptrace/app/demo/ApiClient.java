package io.scraptrace.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.schemas.json.AvroJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A small HTTP client of the ScrapTrace API for end-to-end tests. */
final class ApiClient {
    record Reply(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply send(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", body.startsWith("[") || body.startsWith("{") && !body.contains("}\n{") ? "application/json" : "application/x-ndjson");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? AvroJson.MAPPER.nullNode() : AvroJson.MAPPER.readTree(response.body());
        return new Reply(response.statusCode(), json);
    }

    Reply get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null);
    }

    /** GET {@code path} until its 200 body satisfies {@code done}, or fail after {@code timeout}. */
    JsonNode await(String path, String token, Duration timeout, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = get(path, token);
            if (last.status() == 200 && done.test(last.body())) {
                return last.body();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("GET " + path + " did not reach the expected state within " + timeout + "; last reply: "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }
}
