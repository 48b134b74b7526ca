package io.scraptrace.ingest.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker on a free loopback port, configured by a generated file, plus its
 * {@code mosquitto_pub} client. Without Mosquitto installed the calling test is skipped, except
 * on CI ({@code CI=true}) where it fails: CI installs it and must not silently test less.
 */
public final class Mosquitto implements AutoCloseable {
    private static final Path BROKER = Path.of("/usr/sbin/mosquitto");
    private static final Path PUBLISHER = Path.of("/usr/bin/mosquitto_pub");

    private final Process process;
    private final int port;

    private Mosquitto(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Start a broker whose config and log live in {@code dir}. */
    public static Mosquitto start(Path dir) {
        requireInstalled();
        int port = freePort();
        try {
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
            Process process = new ProcessBuilder(BROKER.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.log").toFile())
                    .start();
            Mosquitto mosquitto = new Mosquitto(process, port);
            mosquitto.awaitListening(Duration.ofSeconds(15));
            return mosquitto;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker URL for Paho, {@code tcp://127.0.0.1:PORT}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Publish {@code payload} at QoS 1 with the real command-line client. */
    public void publish(String topic, String payload) {
        try {
            Process pub = new ProcessBuilder(PUBLISHER.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-q", "1", "-t", topic, "-s").redirectErrorStream(true).start();
            pub.getOutputStream().write(payload.getBytes(StandardCharsets.UTF_8));
            pub.getOutputStream().close();
            if (!pub.waitFor(20, TimeUnit.SECONDS) || pub.exitValue() != 0) {
                fail("mosquitto_pub failed: " + new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireInstalled() {
        boolean installed = Files.isExecutable(BROKER) && Files.isExecutable(PUBLISHER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("mosquitto and mosquitto_pub must be installed on CI (apt-get install -y mosquitto mosquitto-clients)");
        }
        assumeTrue(installed, "mosquitto is not installed");
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("mosquitto exited with " + process.exitValue());
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                if (probe.isConnected()) {
                    return;
                }
            } catch (IOException notYet) {
                sleep();
            }
        }
        fail("mosquitto did not listen on port " + port);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
