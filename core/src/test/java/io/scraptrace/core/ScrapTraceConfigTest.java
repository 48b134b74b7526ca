package io.scraptrace.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.core.config.ScrapTraceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence: options over environment over file over defaults. */
class ScrapTraceConfigTest {
    @TempDir
    Path dir;

    @Test
    void optionsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws Exception {
        Path file = dir.resolve("scraptrace.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\nhttp.port=7000\ntopic.prefix=test.\nproducer.linger.ms=20\n");
        ScrapTraceConfig config = ScrapTraceConfig.load(file,
                Map.of("SCRAPTRACE_HTTP_PORT", "7100", "SCRAPTRACE_SORTER_CONFIDENCE_THRESHOLD", "0.7", "PATH", "/bin"),
                Map.of("bootstrap.servers", "cli:9092"));
        assertEquals("cli:9092", config.bootstrapServers());
        assertEquals(7100, config.httpPort());
        assertEquals(0.7, config.getDouble("sorter.confidence.threshold", 0.5));
        assertEquals("test.readings", config.topics().readings.name());
        assertEquals("20", config.kafkaOverrides("producer.").getProperty("linger.ms"));
        assertEquals("scraptrace-data", config.dataDir().toString(), "default");
    }

    @Test
    void kafkaSettingsReachEveryClientAndAClientsOwnPrefixWins() {
        ScrapTraceConfig config = ScrapTraceConfig.load(null, Map.of("SCRAPTRACE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
                Map.of("kafka.sasl.mechanism", "SCRAM-SHA-512", "admin.sasl.mechanism", "PLAIN"));
        for (String client : new String[] {"producer.", "consumer.", "streams."}) {
            assertEquals("SASL_SSL", config.kafkaOverrides(client).getProperty("security.protocol"), client);
            assertEquals("SCRAM-SHA-512", config.kafkaOverrides(client).getProperty("sasl.mechanism"), client);
        }
        assertEquals("PLAIN", config.kafkaOverrides("admin.").getProperty("sasl.mechanism"));
    }
}
