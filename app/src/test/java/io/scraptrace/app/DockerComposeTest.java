package io.scraptrace.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on our build machines, so the compose file is checked by reading it: the
 * cluster shape, replication settings and the wiring of every service.
 */
class DockerComposeTest {
    private static final Path DOCKER = Path.of("..", "docker");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws Exception {
        try (Reader reader = Files.newBufferedReader(DOCKER.resolve("compose.yml"))) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(100);
            return new Yaml(options).load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsAThreeBrokerKraftClusterWithReplicationThreeAndMinIsrTwo() throws Exception {
        Map<String, Object> compose = compose();
        Set<String> voters = new TreeSet<>();
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> broker = service(compose, "kafka-" + i);
            assertTrue(broker.get("image").toString().startsWith("apache/kafka:"), "official image");
            Map<String, Object> env = env(broker);
            assertEquals(i, env.get("KAFKA_NODE_ID"));
            assertEquals("PLAINTEXT://kafka-" + i + ":9092", env.get("KAFKA_ADVERTISED_LISTENERS"));
            assertEquals(3, env.get("KAFKA_DEFAULT_REPLICATION_FACTOR"));
            assertEquals(2, env.get("KAFKA_MIN_INSYNC_REPLICAS"));
            assertEquals(2, env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"), "exactly-once needs a replicated transaction log");
            voters.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").toString());
            String clusterId = env.get("CLUSTER_ID").toString();
            assertEquals(22, clusterId.length(), "KRaft cluster ids are 16 bytes, base64url");
        }
        assertEquals(Set.of("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093"), voters, "every broker knows the same quorum");
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsTwoInstancesOfEveryServiceBehindOneApi() throws Exception {
        Map<String, Object> compose = compose();
        for (String name : List.of("ingest-1", "ingest-2", "streams-1", "streams-2", "sorter")) {
            Map<String, Object> service = service(compose, name);
            String role = name.replaceAll("-\\d$", "");
            assertEquals(List.of(role), service.get("command"), name + " runs its role");
            Map<String, Object> env = env(service);
            assertEquals("kafka-1:9092,kafka-2:9092,kafka-3:9092", env.get("SCRAPTRACE_BOOTSTRAP_SERVERS"));
            assertEquals(3, env.get("SCRAPTRACE_TOPIC_REPLICATION_FACTOR"));
            assertEquals(2, env.get("SCRAPTRACE_TOPIC_MIN_INSYNC_REPLICAS"));
            assertEquals("/config/tokens.txt", env.get("SCRAPTRACE_TOKENS_FILE"));
        }
        assertEquals(2, ((Map<String, Object>) service(compose, "sorter").get("deploy")).get("replicas"));
        assertEquals("streams-2", env(service(compose, "streams-2")).get("SCRAPTRACE_STREAMS_ADVERTISED_HOST"),
                "each streams instance advertises its own host for interactive-query forwarding");
        assertEquals(List.of("8080:8080"), service(compose, "api").get("ports"));

        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        for (String upstream : List.of("ingest-1:8080", "ingest-2:8080", "streams-1:8080", "streams-2:8080")) {
            assertTrue(nginx.contains("server " + upstream), "the API proxies to " + upstream);
        }
        assertTrue(Files.readString(DOCKER.resolve("Dockerfile")).contains("scraptrace-all.jar"), "the image runs the fat jar");
    }
}
