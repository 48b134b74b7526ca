package io.scraptrace.core.cli;

import io.scraptrace.core.config.ScrapTraceConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options every service command takes (CONTRACT section 1), as a picocli mixin: the client options
 * plus the HTTP port, the state directory and the tokens file. Only options the user actually gave
 * override the configuration file and environment.
 */
public final class CommonOptions {
    @Mixin
    ClientOptions client;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 8080).")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory for local state (default ./scraptrace-data).")
    Path dataDir;

    @Option(names = "--tokens", paramLabel = "FILE", description = "Tokens file: one 'TOKEN ROLE SCOPE' a line.")
    Path tokensFile;

    /** The resolved configuration: these options, then SCRAPTRACE_* env, then --config, then defaults. */
    public ScrapTraceConfig config() {
        return config(Map.of());
    }

    /** As {@link #config()}, with command-specific overrides that rank with the options. */
    public ScrapTraceConfig config(Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(extra);
        if (port != null) {
            overrides.put(ScrapTraceConfig.HTTP_PORT, String.valueOf(port));
        }
        if (dataDir != null) {
            overrides.put(ScrapTraceConfig.DATA_DIR, dataDir.toString());
        }
        if (tokensFile != null) {
            overrides.put(ScrapTraceConfig.TOKENS_FILE, tokensFile.toString());
        }
        return client.config(overrides);
    }
}
