package io.scraptrace.ingest.testing;

import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.auth.TokenStore;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.ingest.IngestServer;
import io.scraptrace.schemas.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** An ingest server on a free loopback port against a real broker, with known tokens. */
public final class TestIngest implements AutoCloseable {
    public static final String SITE = "S-TKY-01";
    public static final String OTHER_SITE = "S-OSA-01";
    public static final String PLANT_TOKEN = "plant-tky-secret";
    public static final String OTHER_PLANT_TOKEN = "plant-osa-secret";
    public static final String REGULATOR_TOKEN = "regulator-secret";
    public static final String OPERATOR_TOKEN = "operator-secret";

    private final IngestServer server;
    private final ScrapTraceConfig config;
    private final IngestClient client;

    private TestIngest(IngestServer server, ScrapTraceConfig config) {
        this.server = server;
        this.config = config;
        this.client = new IngestClient(server.port());
    }

    /** Start against {@code bootstrap} with a fresh topic prefix and {@code extra} settings. */
    public static TestIngest start(String bootstrap, Map<String, String> extra) {
        return start(bootstrap, extra, tokens());
    }

    /** As {@link #start(String, Map)}, accepting other tokens. */
    public static TestIngest start(String bootstrap, Map<String, String> extra, TokenStore tokens) {
        Map<String, String> settings = new HashMap<>(Map.of(
                ScrapTraceConfig.BOOTSTRAP_SERVERS, bootstrap,
                ScrapTraceConfig.TOPIC_PREFIX, SharedKafka.uniquePrefix(),
                ScrapTraceConfig.HTTP_HOST, "127.0.0.1",
                ScrapTraceConfig.HTTP_PORT, "0"));
        settings.putAll(extra);
        ScrapTraceConfig config = ScrapTraceConfig.of(settings);
        return new TestIngest(IngestServer.start(config, tokens), config);
    }

    public static TokenStore tokens() {
        return TokenStore.of(Map.of(
                PLANT_TOKEN, new Principal("plant-tky", Role.PLANT, Set.of(SITE)),
                OTHER_PLANT_TOKEN, new Principal("plant-osa", Role.PLANT, Set.of(OTHER_SITE)),
                REGULATOR_TOKEN, new Principal("regulator", Role.REGULATOR, Set.of(Principal.ANY)),
                OPERATOR_TOKEN, new Principal("operator", Role.OPERATOR, Set.of("JP-13"))));
    }

    public IngestClient client() {
        return client;
    }

    public Topics topics() {
        return config.topics();
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public IngestServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
