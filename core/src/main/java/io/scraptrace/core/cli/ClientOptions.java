package io.scraptrace.core.cli;

import io.scraptrace.core.config.ScrapTraceConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options of a command that only talks to Kafka (e.g. {@code tail}), as a picocli mixin: where the
 * configuration file and the brokers are. Services add theirs in {@link CommonOptions}.
 */
public final class ClientOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (Kafka-style keys, e.g. bootstrap.servers, producer.linger.ms).")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (default localhost:9092).")
    String bootstrapServers;

    /** The resolved configuration: these options, then SCRAPTRACE_* env, then --config, then defaults. */
    public ScrapTraceConfig config() {
        return config(Map.of());
    }

    /** As {@link #config()}, with command-specific overrides that rank with the options. */
    public ScrapTraceConfig config(Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(extra);
        if (bootstrapServers != null) {
            overrides.put(ScrapTraceConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return ScrapTraceConfig.load(configFile, System.getenv(), overrides);
    }
}
