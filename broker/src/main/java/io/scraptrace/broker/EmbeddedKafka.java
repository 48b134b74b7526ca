package io.scraptrace.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller) running inside
 * this JVM, built from the Maven Central {@code kafka_2.13} artifact. The log directory is
 * formatted on first use and reused afterwards, so data survives a restart on the same
 * directory. It is the embedded default of {@code demo} and of the integration tests.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path dataDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
    }

    /** Start on a free loopback port (tests). */
    public static EmbeddedKafka start(Path dataDir) {
        return start(dataDir, new BrokerOptions(LOOPBACK, 0, LOOPBACK));
    }

    /** Start on a fixed client port, listening on {@code host} and advertising {@code advertisedHost}. */
    public static EmbeddedKafka start(Path dataDir, BrokerOptions options) {
        long started = System.nanoTime();
        int port = options.port() == 0 ? freePort() : options.port();
        int controllerPort = freePort();
        Properties props = serverProperties(dataDir, options, port, controllerPort);
        Path logDir = dataDir.resolve("kafka-logs");
        try {
            Files.createDirectories(logDir);
            Path propsFile = dataDir.resolve("server.properties");
            try (Writer writer = Files.newBufferedWriter(propsFile)) {
                props.store(writer, "written by ScrapTrace EmbeddedKafka; regenerated on every start");
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(propsFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker data dir " + dataDir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        String bootstrap = options.advertisedHost() + ":" + port;
        EmbeddedKafka kafka = new EmbeddedKafka(server, bootstrap, dataDir);
        try {
            kafka.awaitReady();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LOG.info("Kafka broker ready on {} in {} ms (data in {})", bootstrap,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir.toAbsolutePath());
        return kafka;
    }

    /** Where clients connect, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The data directory this broker formats and writes. */
    public Path dataDir() {
        return dataDir;
    }

    /** Block until the broker is shut down by someone else (e.g. a shutdown hook). */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka broker on {} stopped", bootstrapServers);
    }

    static Properties serverProperties(Path dataDir, BrokerOptions options, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // Static voters (not --standalone): the controller port may change between restarts.
        p.put("controller.quorum.voters", "1@" + LOOPBACK + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + options.host() + ":" + port + ",CONTROLLER://" + LOOPBACK + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + options.advertisedHost() + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("kafka-logs").toAbsolutePath().toString());
        // One node: internal topics cannot be replicated. Fewer partitions than the defaults (50)
        // keep the first consumer group and the first transaction fast to set up.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "6");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        return p;
    }

    private static void format(Path propsFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("formatting the broker log dir failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            client.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not become ready on " + bootstrapServers, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
