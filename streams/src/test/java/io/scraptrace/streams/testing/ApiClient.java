package io.scraptrace.streams.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.core.http.ApiServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** A minimal HTTP client of one instance's API that retries 503 (state moving) like a real client should. */
public final class ApiClient {
    private static final Duration RETRY_FOR = Duration.ofSeconds(60);

    /** Status and parsed body of one answer. */
    public record Answer(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(String base) {
        this.base = base;
    }

    /** GET {@code path} with a bearer token, retrying while the answer is 503. */
    public Answer get(String path, String token) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(RETRY_FOR);
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503 || Instant.now().isAfter(deadline)) {
                return new Answer(response.statusCode(), ApiServer.JSON.readTree(response.body()));
            }
            Thread.sleep(250);
        }
    }

    /** GET that must answer 200; returns the body. */
    public JsonNode ok(String path, String token) throws IOException, InterruptedException {
        Answer answer = get(path, token);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " -> " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    /** PUT {@code json} to {@code path} with a bearer token (no retry: a write is sent once). */
    public Answer put(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), ApiServer.JSON.readTree(response.body()));
    }

    /** GET {@code path} as text (a download), retrying while the answer is 503. */
    public HttpResponse<String> text(String path, String token) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(RETRY_FOR);
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503 || Instant.now().isAfter(deadline)) {
                return response;
            }
            Thread.sleep(250);
        }
    }
}
