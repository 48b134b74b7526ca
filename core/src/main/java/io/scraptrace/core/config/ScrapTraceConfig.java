package io.scraptrace.core.config;

import io.scraptrace.schemas.registry.SchemaRegistryClient;
import io.scraptrace.schemas.registry.SchemaRegistrySerdes;
import io.scraptrace.schemas.serde.ValueSerdes;
import io.scraptrace.schemas.topics.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Kafka-style configuration of every service. Precedence, highest first: explicit overrides
 * (command-line options), {@code SCRAPTRACE_*} environment variables, the {@code --config}
 * properties file, then built-in defaults ({@code putIfAbsent}), so the demo needs no flags.
 * An environment variable maps to a key by dropping the prefix, lower-casing and turning
 * {@code _} into {@code .}: {@code SCRAPTRACE_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers}.
 */
public final class ScrapTraceConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TOPIC_REPLICATION = "topic.replication.factor";
    public static final String TOPIC_MIN_ISR = "topic.min.insync.replicas";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_HOST = "http.host";
    public static final String DATA_DIR = "data.dir";
    public static final String TOKENS_FILE = "tokens.file";
    /**
     * A Confluent-compatible schema registry's API (Apicurio Registry 3: {@code http://host:8080/apis/ccompat/v7}):
     * when set, topic values go through it; unset, they are single-object encoded with the embedded schema history.
     */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String ENV_PREFIX = "SCRAPTRACE_";
    /** Kafka settings for every client (producers, consumers, admin, Kafka Streams): security, timeouts. */
    public static final String KAFKA_PREFIX = "kafka.";

    private final Properties props;
    private final Topics topics;

    private ScrapTraceConfig(Properties props) {
        this.props = props;
        this.topics = new Topics(props.getProperty(TOPIC_PREFIX), valueSerdes(props));
    }

    private static ValueSerdes valueSerdes(Properties props) {
        String registry = props.getProperty(SCHEMA_REGISTRY_URL, "");
        return registry.isBlank() ? ValueSerdes.EMBEDDED : new SchemaRegistrySerdes(new SchemaRegistryClient(registry));
    }

    /** Defaults only, plus the given overrides. */
    public static ScrapTraceConfig of(Map<String, String> overrides) {
        return load(null, Map.of(), overrides);
    }

    /** Resolve overrides, environment, file and defaults, in that precedence. */
    public static ScrapTraceConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Properties props = new Properties();
        overrides.forEach((k, v) -> {
            if (v != null) {
                props.setProperty(k, v);
            }
        });
        env.forEach((k, v) -> {
            if (k.startsWith(ENV_PREFIX) && v != null) {
                props.putIfAbsent(k.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        if (file != null) {
            Properties fromFile = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                fromFile.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read config " + file, e);
            }
            fromFile.forEach(props::putIfAbsent);
        }
        props.putIfAbsent(BOOTSTRAP_SERVERS, "localhost:9092");
        props.putIfAbsent(TOPIC_PREFIX, Topics.DEFAULT_PREFIX);
        props.putIfAbsent(TOPIC_REPLICATION, "1");
        props.putIfAbsent(TOPIC_MIN_ISR, "1");
        props.putIfAbsent(HTTP_PORT, "8080");
        props.putIfAbsent(HTTP_HOST, "0.0.0.0");
        props.putIfAbsent(DATA_DIR, "scraptrace-data");
        return new ScrapTraceConfig(props);
    }

    /** A copy with some keys replaced (e.g. a per-instance port in tests). */
    public ScrapTraceConfig with(Map<String, String> overrides) {
        Properties copy = new Properties();
        copy.putAll(props);
        overrides.forEach(copy::setProperty);
        return new ScrapTraceConfig(copy);
    }

    /** The topic registry under the configured prefix. */
    public Topics topics() {
        return topics;
    }

    public String bootstrapServers() {
        return props.getProperty(BOOTSTRAP_SERVERS);
    }

    public int httpPort() {
        return getInt(HTTP_PORT, 8080);
    }

    public String httpHost() {
        return props.getProperty(HTTP_HOST);
    }

    public Path dataDir() {
        return Path.of(props.getProperty(DATA_DIR));
    }

    public Optional<Path> tokensFile() {
        return get(TOKENS_FILE).map(Path::of);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(props.getProperty(key));
    }

    public String get(String key, String defaultValue) {
        return props.getProperty(key, defaultValue);
    }

    public int getInt(String key, int defaultValue) {
        return get(key).map(String::strip).map(Integer::parseInt).orElse(defaultValue);
    }

    public long getLong(String key, long defaultValue) {
        return get(key).map(String::strip).map(Long::parseLong).orElse(defaultValue);
    }

    public double getDouble(String key, double defaultValue) {
        return get(key).map(String::strip).map(Double::parseDouble).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(String::strip).map(Boolean::parseBoolean).orElse(defaultValue);
    }

    /**
     * Client settings passed straight to Kafka: every key under {@link #KAFKA_PREFIX} (settings of
     * every client, such as {@code kafka.security.protocol=SASL_SSL}), then every key under
     * {@code prefix} (e.g. {@code producer.}, {@code streams.}) which wins, prefixes removed.
     */
    public Properties kafkaOverrides(String prefix) {
        Properties out = new Properties();
        for (String scope : new String[] {KAFKA_PREFIX, prefix}) {
            props.stringPropertyNames().stream()
                    .filter(k -> k.startsWith(scope))
                    .forEach(k -> out.setProperty(k.substring(scope.length()), props.getProperty(k)));
        }
        return out;
    }

    /** A copy of all resolved properties. */
    public Properties asProperties() {
        Properties copy = new Properties();
        copy.putAll(props);
        return copy;
    }
}
