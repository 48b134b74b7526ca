package io.scraptrace.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scraptrace.core.config.ScrapTraceConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.server.config.AbstractKafkaConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on our build machines, so the compose file is checked by reading it (YAML
 * anchors merged): the cluster shape, where brokers keep their data, replication settings against
 * the topic creator's, that every environment variable names a setting something reads, and that
 * nginx sends every API path of the contract to the service that serves it.
 */
class DockerComposeTest {
    private static final Path ROOT = Path.of("..");
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final String KAFKA_IMAGE = "apache/kafka:";
    private static final String APP_IMAGE = "scraptrace:";
    private static final String REGISTRY_IMAGE = "apicurio/apicurio-registry:";
    private static final String POSTGRES_IMAGE = "postgres:";
    /**
     * Apicurio Registry 3 settings the compose file may set: the storage and datasource keys of its
     * application.properties (apicurio-registry-app 3.3.3), as environment variables.
     */
    private static final Set<String> REGISTRY_SETTINGS = Set.of("APICURIO_STORAGE_KIND", "APICURIO_STORAGE_SQL_KIND",
            "APICURIO_DATASOURCE_URL", "APICURIO_DATASOURCE_USERNAME", "APICURIO_DATASOURCE_PASSWORD");
    /** The official postgres image's initialisation variables (https://hub.docker.com/_/postgres). */
    private static final Set<String> POSTGRES_SETTINGS = Set.of("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");

    /**
     * CONTRACT section 2, one sample request per route, and the upstream that serves it: ingest
     * takes the writes of plants and regulators, streams answers reads and keeps case state.
     */
    private static final List<String[]> CONTRACT_ROUTES = List.of(
            new String[] {"POST", "/v1/readings", "ingest"},
            new String[] {"POST", "/v1/frames", "ingest"},
            new String[] {"POST", "/v1/exports", "ingest"},
            new String[] {"PUT", "/v1/sites/S-TKY-01", "ingest"},
            new String[] {"POST", "/v1/labels", "ingest"},
            new String[] {"GET", "/v1/aggregates/regions", "streams"},
            new String[] {"GET", "/v1/aggregates/regions/JP-13", "streams"},
            new String[] {"GET", "/v1/lots/L-1", "streams"},
            new String[] {"GET", "/v1/lots/L-1/passport", "streams"},
            new String[] {"GET", "/v1/sites/S-TKY-01/balance", "streams"},
            new String[] {"GET", "/v1/alerts", "streams"},
            new String[] {"GET", "/v1/alerts/D-1", "streams"},
            new String[] {"PUT", "/v1/alerts/D-1/case", "streams"},
            new String[] {"GET", "/v1/alerts/stats", "streams"},
            new String[] {"GET", "/v1/reports/alerts.csv", "streams"},
            new String[] {"GET", "/v1/reports/alerts.json", "streams"},
            new String[] {"GET", "/v1/reports/regions.csv", "streams"},
            new String[] {"GET", "/v1/kpis", "streams"},
            new String[] {"GET", "/v1/trace/declarations/D-1", "streams"},
            new String[] {"GET", "/v1/stream", "streams"},
            new String[] {"GET", "/", "streams"},
            new String[] {"GET", "/health", "streams"},
            new String[] {"GET", "/metrics", "streams"});

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(DOCKER.resolve("compose.yml"))) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(100);
            return new Yaml(options).load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return services(compose).get(name);
    }

    /** Services running an image whose name starts with {@code imagePrefix}, by name. */
    private static Map<String, Map<String, Object>> servicesOf(Map<String, Object> compose, String imagePrefix) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        services(compose).forEach((name, service) -> {
            if (String.valueOf(service.get("image")).startsWith(imagePrefix)) {
                matching.put(name, service);
            }
        });
        return matching;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> service) {
        Object env = service.get("environment");
        return env == null ? Map.of() : (Map<String, Object>) env;
    }

    private static Map<String, String> envStrings(Map<String, Object> service) {
        return env(service).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    /** Container path -> named volume, for the service's mounts of named volumes (not bind mounts). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> namedVolumeMounts(Map<String, Object> compose, Map<String, Object> service) {
        Set<String> declared = ((Map<String, Object>) compose.get("volumes")).keySet();
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object mount : (List<Object>) service.getOrDefault("volumes", List.of())) {
            String[] parts = mount.toString().split(":");
            if (declared.contains(parts[0])) {
                mounts.put(parts[1], parts[0]);
            }
        }
        return mounts;
    }

    private static int envInt(Map<String, Object> service, String name) {
        Object value = env(service).get(name);
        assertNotNull(value, name + " is set");
        return Integer.parseInt(value.toString());
    }

    @Test
    void runsAThreeBrokerKraftClusterWhoseNodeIdsAreTheQuorumVoters() throws Exception {
        Map<String, Object> compose = compose();
        Map<String, Map<String, Object>> brokers = servicesOf(compose, KAFKA_IMAGE);
        assertEquals(3, brokers.size(), "three brokers");
        Set<String> expectedVoters = new TreeSet<>();
        Set<String> clusterIds = new HashSet<>();
        Set<String> voterLists = new HashSet<>();
        brokers.forEach((name, broker) -> {
            Map<String, Object> env = env(broker);
            String controllerPort = listenerPort(env.get("KAFKA_LISTENERS").toString(), env.get("KAFKA_CONTROLLER_LISTENER_NAMES").toString());
            expectedVoters.add(env.get("KAFKA_NODE_ID") + "@" + broker.get("hostname") + ":" + controllerPort);
            assertEquals("PLAINTEXT://" + broker.get("hostname") + ":9092", env.get("KAFKA_ADVERTISED_LISTENERS"), name + " advertises its own host");
            voterLists.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").toString());
            clusterIds.add(env.get("CLUSTER_ID").toString());
        });
        assertEquals(1, voterLists.size(), "every broker knows the same quorum: " + voterLists);
        assertEquals(expectedVoters, new TreeSet<>(List.of(voterLists.iterator().next().split(","))),
                "the quorum voters are exactly the brokers' node ids at their controller listeners");
        assertEquals(1, clusterIds.size(), "one cluster");
        assertEquals(22, clusterIds.iterator().next().length(), "KRaft cluster ids are 16 bytes, base64url");
    }

    private static String listenerPort(String listeners, String listenerName) {
        for (String listener : listeners.split(",")) {
            if (listener.startsWith(listenerName + "://")) {
                return listener.substring(listener.lastIndexOf(':') + 1);
            }
        }
        throw new AssertionError("no " + listenerName + " listener in " + listeners);
    }

    @Test
    void everyBrokerKeepsItsLogOnItsOwnNamedVolume() throws Exception {
        Map<String, Object> compose = compose();
        Set<String> volumesUsed = new HashSet<>();
        servicesOf(compose, KAFKA_IMAGE).forEach((name, broker) -> {
            Object logDirs = env(broker).get("KAFKA_LOG_DIRS");
            assertNotNull(logDirs, name + ": without KAFKA_LOG_DIRS the image writes to /tmp/kraft-combined-logs, lost on down/up");
            Map<String, String> mounts = namedVolumeMounts(compose, broker);
            for (String dir : logDirs.toString().split(",")) {
                String volume = mounts.entrySet().stream()
                        .filter(m -> dir.equals(m.getKey()) || dir.startsWith(m.getKey() + "/"))
                        .map(Map.Entry::getValue).findFirst()
                        .orElseThrow(() -> new AssertionError(name + ": log dir " + dir + " is on no named volume " + mounts));
                assertTrue(volumesUsed.add(volume), "volume " + volume + " is shared by two brokers");
            }
        });
    }

    @Test
    void everyStreamsInstanceKeepsItsStateOnANamedVolume() throws Exception {
        Map<String, Object> compose = compose();
        Matcher dataDir = Pattern.compile("SCRAPTRACE_DATA_DIR=(\\S+)").matcher(Files.readString(DOCKER.resolve("Dockerfile")));
        assertTrue(dataDir.find(), "the image sets its data dir");
        servicesOf(compose, APP_IMAGE).forEach((name, service) -> {
            if (service.get("command").equals(List.of("streams"))) {
                assertTrue(namedVolumeMounts(compose, service).containsKey(dataDir.group(1)), name + " keeps " + dataDir.group(1) + " on a named volume");
            }
        });
    }

    @Test
    void replicationSettingsOfTheTopicCreatorMatchTheBrokers() throws Exception {
        Map<String, Object> compose = compose();
        Map<String, Map<String, Object>> brokers = servicesOf(compose, KAFKA_IMAGE);
        for (Map<String, Object> broker : brokers.values()) {
            int replication = envInt(broker, "KAFKA_DEFAULT_REPLICATION_FACTOR");
            int minIsr = envInt(broker, "KAFKA_MIN_INSYNC_REPLICAS");
            assertEquals(brokers.size(), replication, "every broker holds a replica");
            assertTrue(minIsr >= 2 && minIsr < replication, "an acknowledged write is on two brokers, and one broker may be down");
            assertEquals(replication, envInt(broker, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"));
            assertEquals(replication, envInt(broker, "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"));
            assertEquals(minIsr, envInt(broker, "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"), "exactly-once needs a replicated transaction log");
            assertEquals("false", env(broker).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE").toString(), "topics come from the topic creator only");

            Map<String, Map<String, Object>> apps = servicesOf(compose, APP_IMAGE);
            assertTrue(apps.size() >= 5, "the ScrapTrace services");
            apps.forEach((name, app) -> {
                // The settings the topic creator reads, resolved the way the service resolves them.
                ScrapTraceConfig config = ScrapTraceConfig.load(null, envStrings(app), Map.of());
                assertEquals(replication, config.getInt(ScrapTraceConfig.TOPIC_REPLICATION, 1), name + " creates topics like the brokers replicate");
                assertEquals(minIsr, config.getInt(ScrapTraceConfig.TOPIC_MIN_ISR, 1), name + " sets the brokers' min ISR");
                assertEquals(brokers.keySet().stream().map(b -> b + ":9092").collect(Collectors.joining(",")), config.bootstrapServers(),
                        name + " bootstraps from every broker");
            });
        }
    }

    @Test
    void runsTwoInstancesOfEveryServiceBehindOneApi() throws Exception {
        Map<String, Object> compose = compose();
        for (String name : List.of("ingest-1", "ingest-2", "streams-1", "streams-2", "sorter")) {
            Map<String, Object> service = service(compose, name);
            String role = name.replaceAll("-\\d$", "");
            assertEquals(List.of(role), service.get("command"), name + " runs its role");
            assertEquals("/config/tokens.txt", env(service).get("SCRAPTRACE_TOKENS_FILE"));
        }
        assertEquals(2, ((Map<?, ?>) service(compose, "sorter").get("deploy")).get("replicas"));
        assertEquals("streams-2", env(service(compose, "streams-2")).get("SCRAPTRACE_STREAMS_ADVERTISED_HOST"),
                "each streams instance advertises its own host for interactive-query forwarding");
        assertEquals(List.of("8080:8080"), service(compose, "api").get("ports"));
        assertTrue(Files.readString(DOCKER.resolve("Dockerfile")).contains("scraptrace-all.jar"), "the image runs the fat jar");
    }

    @Test
    void everyServiceEnvironmentNamesAKnownSetting() throws Exception {
        Map<String, Object> compose = compose();
        Set<String> settings = settingsReadByMainCode();
        // Words that are string literals in main code but no setting: the check must refuse them.
        for (String notASetting : List.of("demo", "readings", "stats", "views-combine-store")) {
            assertFalse(knownSetting(notASetting, settings), notASetting + " is no setting");
        }
        List<String> unknown = new ArrayList<>();
        servicesOf(compose, APP_IMAGE).forEach((name, service) -> env(service).keySet().forEach(variable -> {
            if (!variable.startsWith(ScrapTraceConfig.ENV_PREFIX) || !knownSetting(settingOf(variable), settings)) {
                unknown.add(name + ": " + variable);
            }
        }));
        Set<String> brokerSettings = AbstractKafkaConfig.CONFIG_DEF.names();
        servicesOf(compose, KAFKA_IMAGE).forEach((name, broker) -> env(broker).keySet().forEach(variable -> {
            // CLUSTER_ID is read by the image's start script to format the storage.
            if (!variable.equals("CLUSTER_ID") && !(variable.startsWith("KAFKA_") && brokerSettings.contains(brokerSettingOf(variable)))) {
                unknown.add(name + ": " + variable);
            }
        }));
        servicesOf(compose, REGISTRY_IMAGE).forEach((name, registry) -> env(registry).keySet().stream()
                .filter(variable -> !REGISTRY_SETTINGS.contains(variable)).forEach(variable -> unknown.add(name + ": " + variable)));
        servicesOf(compose, POSTGRES_IMAGE).forEach((name, db) -> env(db).keySet().stream()
                .filter(variable -> !POSTGRES_SETTINGS.contains(variable)).forEach(variable -> unknown.add(name + ": " + variable)));
        assertEquals(List.of(), unknown, "environment variables that name no setting");
    }

    @Test
    void everyServiceWritesValuesThroughTheSchemaRegistryWhichKeepsItsSchemasInPostgres() throws Exception {
        Map<String, Object> compose = compose();
        Map<String, Map<String, Object>> registries = servicesOf(compose, REGISTRY_IMAGE);
        assertEquals(1, registries.size(), "one schema registry");
        String registryName = registries.keySet().iterator().next();
        Map<String, Object> registry = registries.get(registryName);
        servicesOf(compose, APP_IMAGE).forEach((name, app) -> {
            ScrapTraceConfig config = ScrapTraceConfig.load(null, envStrings(app), Map.of());
            assertEquals("http://" + registryName + ":8080/apis/ccompat/v7", config.get(ScrapTraceConfig.SCHEMA_REGISTRY_URL).orElse(null),
                    name + " uses the registry's Confluent-compatible API (Apicurio serves HTTP on 8080)");
            assertTrue(((List<?>) app.get("depends_on")).contains(registryName), name + " starts after the registry");
        });

        Map<String, Object> env = env(registry);
        assertEquals("sql", env.get("APICURIO_STORAGE_KIND"), "not the in-memory default, which forgets the ids the records refer to");
        assertEquals("postgresql", env.get("APICURIO_STORAGE_SQL_KIND"));
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):5432/(\\w+)").matcher(env.get("APICURIO_DATASOURCE_URL").toString());
        assertTrue(url.matches(), env.get("APICURIO_DATASOURCE_URL").toString());
        Map<String, Object> db = service(compose, url.group(1));
        assertNotNull(db, "the datasource host " + url.group(1) + " is a service");
        assertTrue(db.get("image").toString().startsWith(POSTGRES_IMAGE));
        assertEquals(url.group(2), env(db).get("POSTGRES_DB"));
        assertEquals(env.get("APICURIO_DATASOURCE_USERNAME"), env(db).get("POSTGRES_USER"));
        assertEquals(env.get("APICURIO_DATASOURCE_PASSWORD"), env(db).get("POSTGRES_PASSWORD"));
        assertTrue(namedVolumeMounts(compose, db).containsKey("/var/lib/postgresql/data"), "the schemas survive down/up");
        assertTrue(((List<?>) registry.get("depends_on")).contains(url.group(1)));
    }

    /** {@code SCRAPTRACE_TOPIC_REPLICATION_FACTOR} -> {@code topic.replication.factor}, as {@link ScrapTraceConfig} maps it. */
    private static String settingOf(String variable) {
        return variable.substring(ScrapTraceConfig.ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The apache/kafka image's mapping: drop KAFKA_, {@code ___} -> '-', {@code __} -> '_', {@code _} -> '.'. */
    private static String brokerSettingOf(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                .replace("___", "\u0001").replace("__", "\u0002").replace('_', '.')
                .replace('\u0001', '-').replace('\u0002', '_');
    }

    /** A key some service reads (see {@link #settingsReadByMainCode()}) or a Kafka client setting under its pass-through prefix. */
    private static boolean knownSetting(String key, Set<String> settings) {
        Set<String> anyClient = new HashSet<>(ProducerConfig.configNames());
        anyClient.addAll(ConsumerConfig.configNames());
        anyClient.addAll(AdminClientConfig.configNames());
        Map<String, Set<String>> passThrough = Map.of(
                "producer.", ProducerConfig.configNames(),
                "consumer.", ConsumerConfig.configNames(),
                "admin.", AdminClientConfig.configNames(),
                "streams.", StreamsConfig.configDef().names(),
                ScrapTraceConfig.KAFKA_PREFIX, anyClient);
        return settings.contains(key) || passThrough.entrySet().stream()
                .anyMatch(p -> key.startsWith(p.getKey()) && p.getValue().contains(key.substring(p.getKey().length())));
    }

    /**
     * The configuration keys main code reads: dotted literals passed to a getter
     * ({@code config.getInt("ingest.producers", 4)}) and the string constants passed to one
     * ({@code config.get(TOKENS_FILE)}, {@code getDouble(GradeDecider.THRESHOLD_KEY, ...)}).
     */
    private static Set<String> settingsReadByMainCode() throws IOException {
        Pattern read = Pattern.compile("\\b(?:get|getInt|getLong|getDouble|getBoolean|getProperty)\\(\\s*"
                + "(?:\"([a-z0-9_\\-]+(?:\\.[a-z0-9_\\-]+)+)\"|(?:[A-Z][A-Za-z0-9]*\\.)?([A-Z][A-Z0-9_]*))\\s*[,)]");
        Pattern constant = Pattern.compile("static final String ([A-Z][A-Z0-9_]*) = \"([a-z0-9._\\-]+)\";");
        Set<String> keys = new HashSet<>();
        Set<String> constantsRead = new HashSet<>();
        Map<String, Set<String>> constants = new HashMap<>();
        for (String source : mainSources()) {
            Matcher m = read.matcher(source);
            while (m.find()) {
                if (m.group(1) != null) {
                    keys.add(m.group(1));
                } else {
                    constantsRead.add(m.group(2));
                }
            }
            Matcher c = constant.matcher(source);
            while (c.find()) {
                constants.computeIfAbsent(c.group(1), k -> new HashSet<>()).add(c.group(2));
            }
        }
        constantsRead.forEach(name -> keys.addAll(constants.getOrDefault(name, Set.of())));
        return keys;
    }

    private static List<String> mainSources() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path dir : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        sources.add(Files.readString(file));
                    }
                }
            }
        }
        return sources;
    }

    private static Set<String> mainSourceLiterals() throws IOException {
        Pattern literal = Pattern.compile("\"([a-z0-9._\\-]+)\"");
        Set<String> literals = new HashSet<>();
        for (String source : mainSources()) {
            Matcher m = literal.matcher(source);
            while (m.find()) {
                literals.add(m.group(1));
            }
        }
        return literals;
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryInstanceAndGrafanaShowsThePipelineDashboard() throws Exception {
        Map<String, Object> compose = compose();
        Map<String, Object> prometheus;
        try (Reader reader = Files.newBufferedReader(DOCKER.resolve("prometheus.yml"))) {
            prometheus = new Yaml().load(reader);
        }
        Set<String> scraped = new HashSet<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            assertEquals("/metrics", job.get("metrics_path"));
            for (Map<String, Object> targets : (List<Map<String, Object>>) job.getOrDefault("static_configs", List.of())) {
                ((List<String>) targets.get("targets")).forEach(t -> scraped.add(t.replace(":8080", "")));
            }
            for (Map<String, Object> dns : (List<Map<String, Object>>) job.getOrDefault("dns_sd_configs", List.of())) {
                assertEquals(8080, dns.get("port"));
                scraped.addAll((List<String>) dns.get("names"));
            }
        }
        assertEquals(servicesOf(compose, APP_IMAGE).keySet(), scraped, "every ScrapTrace instance is scraped directly");
        assertTrue(((List<String>) service(compose, "prometheus").get("volumes")).contains("./prometheus.yml:/etc/prometheus/prometheus.yml:ro"));

        List<String> grafanaMounts = (List<String>) service(compose, "grafana").get("volumes");
        assertTrue(grafanaMounts.contains("./grafana/provisioning:/etc/grafana/provisioning:ro"), "datasource and dashboards provisioned");
        Map<String, Object> datasources;
        try (Reader reader = Files.newBufferedReader(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml"))) {
            datasources = new Yaml().load(reader);
        }
        Map<String, Object> datasource = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
        assertEquals("http://prometheus:9090", datasource.get("url"));
        Map<String, Object> provider;
        try (Reader reader = Files.newBufferedReader(DOCKER.resolve("grafana/provisioning/dashboards/scraptrace.yml"))) {
            provider = ((List<Map<String, Object>>) new Yaml().<Map<String, Object>>load(reader).get("providers")).get(0);
        }
        String dashboardsPath = ((Map<String, Object>) provider.get("options")).get("path").toString();
        assertTrue(grafanaMounts.contains("./grafana/dashboards:" + dashboardsPath + ":ro"), "the dashboards dir is where the provider looks");

        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/scraptrace.json").toFile());
        Set<String> titles = new HashSet<>();
        Set<String> literals = mainSourceLiterals();
        for (JsonNode panel : dashboard.path("panels")) {
            titles.add(panel.path("title").asText());
            assertEquals(datasource.get("uid"), panel.path("datasource").path("uid").asText(), panel.path("title").asText());
            for (JsonNode target : panel.path("targets")) {
                Matcher own = Pattern.compile("scraptrace_[a-z_]+").matcher(target.path("expr").asText());
                while (own.find()) {
                    assertTrue(literals.contains(own.group()), own.group() + " is a metric the code registers");
                }
            }
        }
        assertTrue(titles.containsAll(List.of("Readings/s per stage", "Consumer lag by topic", "Measurement -> aggregate latency", "Alerts raised")), titles.toString());
    }

    @Test
    void nginxSendsEveryContractRouteToTheServiceThatServesIt() throws Exception {
        NginxRoutes nginx = NginxRoutes.parse(Files.readString(DOCKER.resolve("nginx.conf")));
        List<String> wrong = new ArrayList<>();
        for (String[] route : CONTRACT_ROUTES) {
            String upstream = nginx.upstreamOf(route[0], route[1]);
            if (!route[2].equals(upstream)) {
                wrong.add(route[0] + " " + route[1] + " -> " + upstream + ", expected " + route[2]);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(List.of("ingest-1:8080", "ingest-2:8080"), nginx.servers("ingest"));
        assertEquals(List.of("streams-1:8080", "streams-2:8080"), nginx.servers("streams"));
        assertTrue(nginx.location("GET", "/v1/stream").body().contains("proxy_buffering off"), "server-sent events are not buffered");
    }
}
