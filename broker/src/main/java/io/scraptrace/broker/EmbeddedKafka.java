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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
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
 * A real Kafka broker in KRaft mode (combined broker and controller, one node or one node of a
 * small cluster) running inside this JVM, built from the Maven Central {@code kafka_2.13} artifact. The log directory is
 * formatted on first use and reused afterwards, so data survives a restart on the same
 * directory. It is the embedded default of {@code demo} and of the integration tests.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String secureBootstrapServers;
    private final Path dataDir;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, String secureBootstrapServers, Path dataDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.secureBootstrapServers = secureBootstrapServers;
        this.dataDir = dataDir;
    }

    /** Start on a free loopback port (tests). */
    public static EmbeddedKafka start(Path dataDir) {
        return start(dataDir, new BrokerOptions(LOOPBACK, 0, LOOPBACK));
    }

    /** Start a single node on a fixed client port, listening on {@code host} and advertising {@code advertisedHost}. */
    public static EmbeddedKafka start(Path dataDir, BrokerOptions options) {
        int port = options.port() == 0 ? freePort() : options.port();
        ClusterSpec single = new ClusterSpec(Uuid.randomUuid().toString(), options.advertisedHost(),
                List.of(new ClusterSpec.Node(1, port, freePort())));
        return start(dataDir, single, 1, options.host(), null);
    }

    /**
     * Start a single node on free loopback ports with a SASL_SSL listener as well (tests of the
     * clients' security settings); {@link #secureBootstrapServers()} is where it listens.
     */
    public static EmbeddedKafka start(Path dataDir, SaslSslListener secure) {
        SaslSslListener bound = new SaslSslListener(secure.port() == 0 ? freePort() : secure.port(), secure.keystore(), secure.password());
        ClusterSpec single = new ClusterSpec(Uuid.randomUuid().toString(), LOOPBACK, List.of(new ClusterSpec.Node(1, freePort(), freePort())));
        return start(dataDir, single, 1, LOOPBACK, bound);
    }

    /**
     * Start one node of a multi-node cluster. It becomes ready only once a quorum of its peers runs,
     * so start the peers concurrently (separate processes, or {@link #startCluster}).
     */
    public static EmbeddedKafka startNode(Path dataDir, ClusterSpec spec, int nodeId) {
        return start(dataDir, spec, nodeId, spec.host(), null);
    }

    /** A whole cluster of {@code nodes} in this JVM on free loopback ports, node i in {@code dataDir/node-i}. */
    public static List<EmbeddedKafka> startCluster(Path dataDir, int nodes) {
        List<ClusterSpec.Node> members = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            members.add(new ClusterSpec.Node(i, freePort(), freePort()));
        }
        ClusterSpec spec = new ClusterSpec(Uuid.randomUuid().toString(), LOOPBACK, members);
        List<CompletableFuture<EmbeddedKafka>> starting = members.stream()
                .map(n -> CompletableFuture.supplyAsync(() -> startNode(dataDir.resolve("node-" + n.id()), spec, n.id())))
                .toList();
        return starting.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Stop every node of a cluster at once. One by one, the last node left would wait minutes
     * for a controller quorum to approve its controlled shutdown.
     */
    public static void closeAll(List<EmbeddedKafka> nodes) {
        nodes.stream().map(node -> CompletableFuture.runAsync(node::close)).toList().forEach(CompletableFuture::join);
    }

    private static EmbeddedKafka start(Path dataDir, ClusterSpec spec, int nodeId, String listenHost, SaslSslListener secure) {
        long started = System.nanoTime();
        ClusterSpec.Node node = spec.node(nodeId);
        Properties props = serverProperties(dataDir, spec, node, listenHost);
        if (secure != null) {
            addSaslSsl(props, spec.host(), secure);
        }
        Path logDir = dataDir.resolve("kafka-logs");
        try {
            Files.createDirectories(logDir);
            Path propsFile = dataDir.resolve("server.properties");
            try (Writer writer = Files.newBufferedWriter(propsFile)) {
                props.store(writer, "written by ScrapTrace EmbeddedKafka; regenerated on every start");
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(propsFile, spec.clusterId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker data dir " + dataDir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        String bootstrap = spec.host() + ":" + node.port();
        EmbeddedKafka kafka = new EmbeddedKafka(server, bootstrap, secure == null ? null : spec.host() + ":" + secure.port(), dataDir);
        try {
            kafka.awaitReady();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LOG.info("Kafka node {} ready on {} in {} ms (data in {})", nodeId, bootstrap,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir.toAbsolutePath());
        return kafka;
    }

    /** Where clients connect, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where clients connect with SASL_SSL, or null without a {@link SaslSslListener}. */
    public String secureBootstrapServers() {
        return secureBootstrapServers;
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

    static Properties serverProperties(Path dataDir, ClusterSpec spec, ClusterSpec.Node node, String listenHost) {
        String replication = String.valueOf(spec.replication());
        String minIsr = String.valueOf(spec.minInsyncReplicas());
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(node.id()));
        // Static voters (not --standalone): ports may change between restarts of a single node.
        p.put("controller.quorum.voters", spec.voters());
        p.put("listeners", "PLAINTEXT://" + listenHost + ":" + node.port() + ",CONTROLLER://" + spec.host() + ":" + node.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://" + spec.host() + ":" + node.port());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("kafka-logs").toAbsolutePath().toString());
        // Internal topics replicate as far as the cluster allows. Fewer partitions than the
        // defaults (50) keep the first consumer group and the first transaction fast to set up.
        p.put("offsets.topic.replication.factor", replication);
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", replication);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", replication);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "6");
        p.put("default.replication.factor", replication);
        p.put("min.insync.replicas", minIsr);
        return p;
    }

    private static void addSaslSsl(Properties p, String host, SaslSslListener secure) {
        String name = SaslSslListener.NAME;
        p.put("listeners", p.getProperty("listeners") + "," + name + "://" + host + ":" + secure.port());
        p.put("advertised.listeners", p.getProperty("advertised.listeners") + "," + name + "://" + host + ":" + secure.port());
        p.put("listener.security.protocol.map", p.getProperty("listener.security.protocol.map") + "," + name + ":" + name);
        p.put("sasl.enabled.mechanisms", SaslSslListener.MECHANISM);
        String prefix = "listener.name." + name.toLowerCase(Locale.ROOT) + ".";
        p.put(prefix + SaslSslListener.MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put(prefix + "ssl.keystore.type", "PKCS12");
        p.put(prefix + "ssl.keystore.location", secure.keystore().toAbsolutePath().toString());
        p.put(prefix + "ssl.keystore.password", secure.password());
        p.put(prefix + "ssl.key.password", secure.password());
    }

    private static void format(Path propsFile, String clusterId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Transactions v1 (KIP-447 exactly-once, what exactly_once_v2 needs): the v2 protocol of
        // Kafka 4.1 (KIP-890, an epoch bump per transaction) makes the broker reject retried
        // batches with OutOfOrderSequence when a loaded machine delays them, which sends Kafka
        // Streams tasks into repeated migrations.
        int code = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propsFile.toString(),
                "--feature", "transaction.version=1"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("formatting the broker log dir failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        awaitNodes(bootstrapServers, 1, Duration.ofSeconds(60));
    }

    /** Block until the cluster behind {@code bootstrap} reports at least {@code count} live nodes. */
    public static void awaitNodes(String bootstrap, int count, Duration timeout) {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin client = Admin.create(admin)) {
            while (true) {
                try {
                    if (client.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= count) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // Not reachable yet: nodes of a cluster come up at their own pace.
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(count + " Kafka node(s) not ready on " + bootstrap + " within " + timeout);
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for Kafka on " + bootstrap, e);
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
