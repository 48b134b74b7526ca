package io.scraptrace.app.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.schemas.json.AvroJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client of the ScrapTrace API; transport failures become status -1, never exceptions. */
final class Http {
    /** A reply: status (-1 when the request did not get one) and the JSON body (or the error text). */
    record Reply(int status, JsonNode body, String text) {
        boolean ok() {
            return status == 200;
        }

        @Override
        public String toString() {
            String shown = text.length() > 300 ? text.substring(0, 300) + "..." : text;
            return status + " " + shown;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Duration timeout;

    Http(Duration timeout) {
        this.timeout = timeout;
    }

    Reply get(int port, String path, String token) {
        return send(port, "GET", path, token, null, null);
    }

    Reply post(int port, String path, String token, String contentType, String body) {
        return send(port, "POST", path, token, contentType, body);
    }

    Reply put(int port, String path, String token, String body) {
        return send(port, "PUT", path, token, "application/json", body);
    }

    private Reply send(int port, String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body() == null ? "" : response.body();
            JsonNode json;
            try {
                json = text.isBlank() ? AvroJson.MAPPER.nullNode() : AvroJson.MAPPER.readTree(text);
            } catch (IOException e) {
                json = AvroJson.MAPPER.nullNode();
            }
            return new Reply(response.statusCode(), json, text);
        } catch (IOException e) {
            return new Reply(-1, AvroJson.MAPPER.nullNode(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, AvroJson.MAPPER.nullNode(), "interrupted");
        }
    }
}
