package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.core.http.ApiException;
import io.scraptrace.core.http.ApiServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .timeout(TIMEOUT).header(FORWARDED_HEADER, "1").GET();
        headers.forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UnavailableException("instance " + host + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while asking " + host, e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() == 503) {
            throw new UnavailableException(host + ": " + body.path("error").asText("unavailable"));
        }
        if (response.statusCode() != 200) {
            throw new ApiException(response.statusCode(), body.path("error").asText("error from " + host));
        }
        return Optional.of(body);
    }

    private static JsonNode parse(String body) {
        try {
            return ApiServer.JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new ApiException(502, "unreadable answer from another instance: " + e.getMessage());
        }
    }
}
