package io.scraptrace.ingest.testing;

import io.scraptrace.broker.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded broker shared by the integration tests of this module (they run in one JVM),
 * so its start-up is paid once. Each test class uses its own topic prefix to stay isolated.
 */
public final class SharedKafka {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static EmbeddedKafka kafka;

    private SharedKafka() {
    }

    /** The shared broker's bootstrap servers, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (kafka == null) {
            try {
                kafka = EmbeddedKafka.start(Files.createTempDirectory("ingest-it-kafka"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka.bootstrapServers();
    }

    /** A topic prefix no other test class uses. */
    public static String uniquePrefix() {
        return "it" + PREFIXES.incrementAndGet() + ".";
    }
}
