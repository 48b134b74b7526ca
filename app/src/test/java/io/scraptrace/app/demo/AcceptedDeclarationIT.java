package io.scraptrace.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.auth.Authenticators;
import io.scraptrace.core.auth.TokenStore;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.core.metrics.Metrics;
import io.scraptrace.ingest.IngestService;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.streams.app.StreamsService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest and streams on the real embedded broker: a declaration ingest has accepted (202) is never
 * answered 404 by {@code GET /v1/alerts/{id}}, however soon it is asked, while an id nobody
 * declared still is.
 */
class AcceptedDeclarationIT {
    private static final String REGULATOR = "it-regulator";
    private static final int DECLARATIONS = 20;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void anAcceptedDeclarationIsNeverNotFound() throws Exception {
        Path tokens = dir.resolve("tokens.txt");
        Files.write(tokens, List.of(REGULATOR + " regulator *"));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"))) {
            ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                    ScrapTraceConfig.DATA_DIR, dir.toString(), ScrapTraceConfig.HTTP_PORT, "0", ScrapTraceConfig.HTTP_HOST, "127.0.0.1",
                    ScrapTraceConfig.TOKENS_FILE, tokens.toString(), "streams.num.standby.replicas", "0"));
            TopicCreator.ensureTopics(config);
            Metrics metrics = new Metrics();
            IngestService ingest = new IngestService(config, metrics);
            ApiServer server = new ApiServer(config.httpHost(), config.httpPort(), ingest.settings().maxBodyBytes(),
                    Authenticators.with(TokenStore.load(tokens), config), metrics, javalin -> { })
                    .register(ingest.routes()).readiness("ingest", ingest::ready);
            StreamsService streams = new StreamsService(config, server);
            try (ingest; streams) {
                ingest.start();
                server.start();
                streams.start();
                ApiClient api = new ApiClient(server.port());
                // Ready (no rebalance under way) and answering queries, before the first declaration.
                api.await("/health", REGULATOR, WAIT, body -> true);
                api.await("/v1/alerts?limit=1", REGULATOR, WAIT, body -> true);

                List<Integer> statuses = new ArrayList<>();
                List<String> unavailable = new ArrayList<>();
                for (int i = 0; i < DECLARATIONS; i++) {
                    String id = "D-IT-" + i;
                    ApiClient.Reply accepted = api.send("POST", "/v1/exports", REGULATOR, declaration(id).toString());
                    assertEquals(202, accepted.status(), accepted.body().toString());
                    // Asked at once and again until streams answers it: unavailable for a moment at most, never unknown.
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    ApiClient.Reply reply;
                    do {
                        reply = api.get("/v1/alerts/" + id, REGULATOR);
                        statuses.add(reply.status());
                        ApiClient.Reply seen = reply;
                        assertTrue(seen.status() == 200 || seen.status() == 503, () -> id + " answered " + seen.status() + " " + seen.body());
                        if (seen.status() == 503) {
                            // "may not be read yet", or state moving (a rebalance): either way a retry, not an answer.
                            assertEquals(1, seen.body().path("retryAfterSeconds").asInt(), seen.body().toString());
                            unavailable.add(seen.body().path("error").asText());
                        }
                    } while (reply.status() != 200 && System.nanoTime() < deadline);
                    assertEquals(200, reply.status(), id + " was never answered");
                    assertEquals("PENDING", reply.body().path("status").asText(), reply.body().toString());
                }
                System.out.printf("AcceptedDeclarationIT: %d GETs for %d declarations: %d x 200, %d x 503 %s%n", statuses.size(), DECLARATIONS,
                        statuses.stream().filter(s -> s == 200).count(), unavailable.size(), unavailable);

                ApiClient.Reply unknown = api.get("/v1/alerts/D-IT-NEVER-DECLARED", REGULATOR);
                assertEquals(404, unknown.status(), "once streams has read every accepted declaration, an unknown id is not found: "
                        + unknown.body());
            } finally {
                server.stop();
            }
        }
    }

    private static ObjectNode declaration(String id) {
        ObjectNode export = AvroJson.MAPPER.createObjectNode().put("declarationId", id).put("exporterId", "X-IT")
                .put("siteId", "S-IT-1").put("port", "JP-14").put("hsCode", "7204.49").put("declaredMaterial", "FERROUS")
                .put("massKg", 1_000).put("valueJpy", 55_000).put("destination", "VN").put("timestamp", Instant.now().toString());
        export.putArray("lotIds").add("L-" + id);
        return export;
    }
}
