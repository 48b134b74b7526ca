package io.scraptrace.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Apicurio Registry 3 server (the distribution the build unpacks into
 * {@code target/apicurio-registry}) as a child JVM on loopback, in-memory storage. It needs Java
 * 21+, which is not the build's JDK: {@link #java()} finds one ({@code SCRAPTRACE_REGISTRY_JAVA},
 * else the newest JDK of 21 or later under {@code /usr/lib/jvm}).
 */
record SchemaRegistryServer(Process process, int port, Path log) implements AutoCloseable {
    static final int MIN_JAVA = 21;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    /** The distribution's directory (holding {@code quarkus-run.jar}). */
    static Path home() {
        return Path.of(System.getProperty("scraptrace.test.registry.home", "target/apicurio-registry"));
    }

    /** A java launcher of version {@value #MIN_JAVA} or later, if this machine has one. */
    static Optional<Path> java() {
        String configured = System.getenv("SCRAPTRACE_REGISTRY_JAVA");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && majorVersion(home) >= MIN_JAVA)
                    .max(Comparator.comparingInt(SchemaRegistryServer::majorVersion))
                    .map(home -> home.resolve("bin/java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int majorVersion(Path javaHome) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Starts the server with {@code java} on a free loopback port; returns once its Confluent API answers. */
    static SchemaRegistryServer start(Path java, Path logDir) throws IOException, InterruptedException {
        int port = freePort();
        Path log = logDir.resolve("apicurio-registry.log");
        Files.createDirectories(logDir);
        Process process = new ProcessBuilder(List.of(java.toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                // The management interface (health, metrics) binds 0.0.0.0:9000 by default.
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + freePort(),
                "-jar", "quarkus-run.jar"))
                .directory(home().toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SchemaRegistryServer server = new SchemaRegistryServer(process, port, log);
        server.awaitReady();
        return server;
    }

    /** The Confluent-compatible API's base URL, what {@code schema.registry.url} is set to. */
    String ccompatUrl() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest subjects = HttpRequest.newBuilder(URI.create(ccompatUrl() + "/subjects")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("schema registry exited with " + process.exitValue() + ": " + tail());
            }
            try {
                if (http.send(subjects, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("schema registry not ready within " + START_TIMEOUT + ": " + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
