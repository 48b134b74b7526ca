package io.scraptrace.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.http.Auth;
import io.scraptrace.core.metrics.Metrics;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bearer JWTs of an OpenID Connect provider, played by a local RSA key whose public half is served
 * as a JWKS over HTTP: the API accepts a valid token like a tokens-file token and refuses expired
 * ones, other issuers, other audiences, other keys, and data outside the token's scope.
 */
class JwtAuthenticatorTest {
    private static final String ISSUER = "https://idp.example.test/realms/scraptrace";
    private static final String AUDIENCE = "scraptrace-api";
    private static final String FILE_TOKEN = "file-regulator-token";

    private static RSAKey providerKey;
    private static HttpServer jwks;
    private static ApiServer api;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("provider-1").generate();
        byte[] keySet = new JWKSet(providerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        jwks.start();
        ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(
                JwtSettings.JWKS_URL, "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs",
                JwtSettings.ISSUER, ISSUER,
                JwtSettings.AUDIENCE, AUDIENCE,
                JwtSettings.ROLE_CLAIM, "realm_access.roles",
                JwtSettings.ROLE_PREFIX, "scraptrace-"));
        TokenStore file = TokenStore.of(Map.of(FILE_TOKEN, new Principal("regulator", Role.REGULATOR, java.util.Set.of(Principal.ANY))));
        api = new ApiServer("127.0.0.1", 0, 1024, Authenticators.with(file, config), new Metrics(), c -> { })
                .register((app, auth) -> {
                    app.get("/v1/sites/{siteId}/balance", ctx -> {
                        Principal p = auth.require(ctx, Role.PLANT, Role.REGULATOR);
                        Auth.requireScope(p, ctx.pathParam("siteId"));
                        ctx.result(p.name() + " " + p.role());
                    });
                    app.get("/v1/alerts", ctx -> ctx.result(auth.require(ctx, Role.REGULATOR).name()));
                    app.get(Auth.QUERY_TOKEN_PATH, ctx -> ctx.result(auth.require(ctx, Role.OPERATOR, Role.REGULATOR).name()));
                });
        api.start();
    }

    @AfterAll
    static void stop() {
        api.stop();
        jwks.stop(0);
    }

    private static JWTClaimsSet.Builder claims(String role, Object scope) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject("user-42")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("realm_access", Map.of("roles", List.of("offline_access", "scraptrace-" + role)));
        return scope == null ? claims : claims.claim("scraptrace_scope", scope);
    }

    private static String sign(JWTClaimsSet.Builder claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String token(String role, Object scope, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = claims(role, scope);
        change.accept(claims);
        return sign(claims, providerKey);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + token).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(int status, String reason, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(reason), response.body());
    }

    @Test
    void aValidTokenCarriesItsRoleAndScope() throws Exception {
        HttpResponse<String> plant = get("/v1/sites/S-TKY-01/balance", token("plant", "S-TKY-01", c -> { }));
        assertEquals(200, plant.statusCode(), plant.body());
        assertEquals("oidc:user-42 PLANT", plant.body());
        assertEquals(200, get("/v1/alerts", token("regulator", null, c -> { })).statusCode());
        // The tokens file still works next to the provider.
        assertEquals(200, get("/v1/alerts", FILE_TOKEN).statusCode());
    }

    @Test
    void theDashboardsEventStreamTakesTheTokenAsItTakesAPastedOne() throws Exception {
        String operator = token("operator", List.of("JP-13", "JP-14"), c -> { });
        HttpResponse<String> stream = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                + Auth.QUERY_TOKEN_PATH + "?" + Auth.QUERY_TOKEN + "=" + operator)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stream.statusCode(), stream.body());
    }

    @Test
    void scopeAndRoleAreEnforced() throws Exception {
        assertRefused(403, "not scoped to S-OSA-02", get("/v1/sites/S-OSA-02/balance", token("plant", "S-TKY-01", c -> { })));
        assertRefused(403, "role operator may not", get("/v1/alerts", token("operator", "JP-13,JP-14", c -> { })));
        assertRefused(401, "exactly one siteId", get("/v1/sites/S-TKY-01/balance", token("plant", "*", c -> { })));
        assertRefused(401, "needs a scope", get("/v1/sites/S-TKY-01/balance", token("plant", null, c -> { })));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        // Beyond Nimbus' 60 s allowance for clock skew.
        Date expired = Date.from(Instant.now().minus(Duration.ofMinutes(5)));
        assertRefused(401, "Expired JWT", get("/v1/alerts", token("regulator", null, c -> c.expirationTime(expired))));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        assertRefused(401, "iss", get("/v1/alerts", token("regulator", null, c -> c.issuer("https://other-idp.example.test"))));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertRefused(401, "aud claim rejected", get("/v1/alerts", token("regulator", null, c -> c.audience("another-app"))));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        RSAKey sameIdOtherKey = new RSAKeyGenerator(2048).keyID(providerKey.getKeyID()).generate();
        assertRefused(401, "signature not verified", get("/v1/alerts", sign(claims("regulator", null), sameIdOtherKey)));
        RSAKey unknownKey = new RSAKeyGenerator(2048).keyID("attacker").generate();
        assertRefused(401, "signature not verified", get("/v1/alerts", sign(claims("regulator", null), unknownKey)));
    }

    @Test
    void aTokenThatIsNeitherAJwtNorInTheFileIsUnknown() throws Exception {
        assertRefused(401, "unknown token", get("/v1/alerts", "no-such-token"));
    }
}
