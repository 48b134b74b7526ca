package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.core.http.ApiException;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.http.ErrorDetail;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another streams instance for a view over HTTP, with the caller's own credentials so the
 * owner applies the same access rules. Forwarded requests are marked so the receiver answers from
 * its local state and never forwards again (no loops while ownership moves).
 */
public final class Forwarder {
    /** Marks a request sent by another instance. */
    public static final String FORWARDED_HEADER = "X-ScrapTrace-Forwarded";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /**
     * The JSON body {@code host} answers for {@code pathAndQuery}; empty on 404. Other errors are
     * passed on with their status; an unreachable owner is a 503 (it may be restarting).
     */
    public Optional<JsonNode> get(HostInfo host, String pathAndQuery, String authorization, Map<String, String> headers) {
        return send(host, "GET", pathAndQuery, authorization, headers, null);
    }

    /** {@link #get} for a request of any {@code method}, with a JSON {@code body} (null for none). */
    public Optional<JsonNode> send(HostInfo host, String method, String pathAndQuery, String authorization, Map<String, String> headers,
                                   String body) {
        HttpResponse<String> response = exchange(request(host, method, pathAndQuery, authorization, headers, body), host,
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = parse(response.body());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() == 503) {
            throw new UnavailableException(host + ": " + json.path("error").asText("unavailable"));
        }
        if (response.statusCode() != 200) {
            throw error(host, response.statusCode(), json);
        }
        return Optional.of(json);
    }

    /**
     * The body {@code host} answers for a GET of {@code pathAndQuery} as a stream, to pass a large
     * answer on as it arrives; the caller closes it. Any status but 200 is raised like {@link #get}.
     */
    public InputStream stream(HostInfo host, String pathAndQuery, String authorization, Map<String, String> headers) {
        HttpResponse<InputStream> response = exchange(request(host, "GET", pathAndQuery, authorization, headers, null), host,
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 200) {
            return response.body();
        }
        JsonNode json;
        try (InputStream body = response.body()) {
            json = parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnavailableException("instance " + host + " broke off its answer: " + e.getMessage(), e);
        }
        if (response.statusCode() == 503) {
            throw new UnavailableException(host + ": " + json.path("error").asText("unavailable"));
        }
        throw error(host, response.statusCode(), json);
    }

    /** The other instance's error as this one's, details included (e.g. the field a 400 or 409 names). */
    private static ApiException error(HostInfo host, int status, JsonNode json) {
        List<ErrorDetail> details = new ArrayList<>();
        json.path("details").forEach(d -> details.add(new ErrorDetail(d.hasNonNull("index") ? d.get("index").asInt() : null,
                d.path("field").asText(null), d.path("reason").asText(null))));
        return new ApiException(status, json.path("error").asText("error from " + host), details);
    }

    private static HttpRequest request(HostInfo host, String method, String pathAndQuery, String authorization, Map<String, String> headers,
                                       String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .timeout(TIMEOUT).header(FORWARDED_HEADER, "1")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HostInfo host, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UnavailableException("instance " + host + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while asking " + host, e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return ApiServer.JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new ApiException(502, "unreadable answer from another instance: " + e.getMessage());
        }
    }
}
