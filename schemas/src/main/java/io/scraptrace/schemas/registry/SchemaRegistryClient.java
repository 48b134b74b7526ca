package io.scraptrace.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API (https://docs.confluent.io/platform/current/schema-registry/develop/api.html),
 * which Confluent Schema Registry serves at its root and Apicurio Registry 3 under
 * {@code /apis/ccompat/v7}: the two calls a serde needs, registering a subject's schema and
 * fetching a schema by id. Thread-safe.
 */
public final class SchemaRegistryClient {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;

    /** A client of the registry API at {@code url} (e.g. {@code http://registry:8080/apis/ccompat/v7}). */
    public SchemaRegistryClient(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("schema registry url must be http(s)://..., got " + url);
        }
        this.base = uri.toString().replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** The registry API's base URL. */
    public String url() {
        return base;
    }

    /**
     * Registers {@code schema} under {@code subject} (or finds it registered already) and returns
     * its id. The registry checks it against the subject's compatibility level and refuses it with
     * a {@link SchemaRegistryException} (status 409) if it breaks that.
     */
    public int register(String subject, Schema schema) {
        String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
        HttpRequest request = request("/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return call(request, "register the schema of " + subject).path("id").asInt();
    }

    /** The schema registered with {@code id}. */
    public Schema schema(int id) {
        JsonNode reply = call(request("/schemas/ids/" + id).GET().build(), "fetch schema " + id);
        return new Schema.Parser().parse(reply.path("schema").asText());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", CONTENT_TYPE).header("Content-Type", CONTENT_TYPE);
    }

    private JsonNode call(HttpRequest request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryUnavailableException("schema registry " + base + " unreachable, cannot " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException("interrupted, cannot " + what, e);
        }
        JsonNode reply = parse(response.body());
        int status = response.statusCode();
        if (status / 100 == 2) {
            return reply;
        }
        String message = "schema registry " + base + " refused to " + what + ": HTTP " + status + " "
                + reply.path("message").asText(response.body());
        if (status >= 500) {
            throw new SchemaRegistryUnavailableException(message, null);
        }
        throw new SchemaRegistryException(message, status, reply.path("error_code").asInt(status));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.valueToTree(Map.of("message", body));
        }
    }
}
