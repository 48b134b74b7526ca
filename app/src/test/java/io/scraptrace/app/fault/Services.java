package io.scraptrace.app.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ScrapTrace services as child JVMs against a {@link LocalCluster}: each gets a properties file
 * ({@code --config}, kept next to its log), its own HTTP port and data directory.
 */
final class Services {
    /** A service child with the HTTP port it serves /health (and its API) on. */
    record Service(ChildJvm jvm, int port) {
    }

    private final Path dataDir;
    private final Path logDir;
    private final Path tokens;
    private final Map<String, String> common;

    Services(Path dataDir, Path logDir, Path tokens, Map<String, String> common) {
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.tokens = tokens;
        this.common = Map.copyOf(common);
    }

    /**
     * A service of {@code role} named {@code name}, configured with the common keys plus {@code extra};
     * not started yet.
     */
    Service create(String role, String name, String heap, Map<String, String> extra) {
        int port = freePort();
        Map<String, String> props = new TreeMap<>(common);
        props.putAll(extra);
        Path config = logDir.resolve(name + ".properties");
        List<String> lines = new ArrayList<>();
        lines.add("# written by ClusterFaultIT for " + name);
        props.forEach((k, v) -> lines.add(k + "=" + v));
        try {
            Files.createDirectories(logDir);
            Files.write(config, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = List.of(role, "--config", config.toString(), "--port", String.valueOf(port),
                "--data-dir", dataDir.resolve(name).toString(), "--tokens", tokens.toString());
        // Kafka logs at warn by default; a streams instance's state transitions (RUNNING, REBALANCING,
        // PARTITIONS_ASSIGNED...) explain what its queries answered during a fault.
        List<String> jvm = "streams".equals(role) ? List.of(
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.streams.KafkaStreams=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.streams.processor.internals.StreamThread=info") : List.of();
        return new Service(new ChildJvm(name, heap, jvm, args, logDir), port);
    }

    /**
     * Wait until {@code service} answers 200 on /health; returns how long it took from now.
     * Fails (naming the log) if it does not within {@code timeout} or its process dies.
     */
    static Duration awaitHealthy(Http http, Service service, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Http.Reply last = null;
        while (System.nanoTime() < deadline) {
            if (!service.jvm().alive()) {
                throw new AssertionError(service.jvm().describe() + " died while starting; last /health: " + last);
            }
            last = http.get(service.port(), "/health", null);
            if (last.status() == 200) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(250);
        }
        throw new AssertionError(service.jvm().describe() + " not healthy within " + timeout + "; last /health: " + last);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
