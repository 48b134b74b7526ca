package io.scraptrace.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.auth.TokenStore;
import io.scraptrace.core.metrics.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token in the URL is accepted only where EventSource needs it; everywhere else only the header. */
class QueryTokenTest {
    private static final String TOKEN = "reg-secret";
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    @BeforeEach
    void start() {
        TokenStore tokens = TokenStore.of(Map.of(TOKEN, new Principal("regulator", Role.REGULATOR, Set.of(Principal.ANY))));
        server = new ApiServer("127.0.0.1", 0, 1024, tokens, new Metrics(), config -> { })
                .register((app, auth) -> {
                    app.get(Auth.QUERY_TOKEN_PATH, ctx -> ctx.result(auth.authenticate(ctx).name()));
                    app.get("/v1/alerts", ctx -> ctx.result(auth.authenticate(ctx).name()));
                });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String pathAndQuery, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theStreamAcceptsTheQueryToken() throws Exception {
        HttpResponse<String> response = get("/v1/stream?access_token=" + TOKEN, null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("regulator", response.body());
    }

    @Test
    void otherEndpointsRefuseTheQueryTokenWithAClearReason() throws Exception {
        HttpResponse<String> response = get("/v1/alerts?access_token=" + TOKEN, null);
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("only on /v1/stream"), response.body());
    }

    @Test
    void aQueryTokenNextToAValidHeaderIsStillRefusedOffTheStream() throws Exception {
        // The secret already sits in a URL that proxies log: refusing tells the client to stop sending it.
        assertEquals(401, get("/v1/alerts?access_token=" + TOKEN, TOKEN).statusCode());
        assertEquals(200, get("/v1/alerts", TOKEN).statusCode());
    }
}
