package io.scraptrace.app;

import io.scraptrace.broker.BrokerOptions;
import io.scraptrace.broker.ClusterSpec;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.TopicCreator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.Uuid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scraptrace broker}: a real KRaft broker with the contract topics created. With
 * {@code --nodes N} it starts an N-node cluster on loopback, one child JVM per node, so a single
 * broker can be killed (kill -9) and restarted like in production.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run an embedded KRaft Kafka broker (or a loopback cluster with --nodes) and create the contract topics; runs until Ctrl-C.")
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "Client port; with --nodes, node i uses port+i-1 (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "scraptrace-data/broker", description = "Log directory, formatted on first start (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Interface a single node listens on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--advertised-host", defaultValue = "localhost", description = "Host name clients are told to use (default ${DEFAULT-VALUE}).")
    String advertisedHost;

    @Option(names = "--topic-prefix", defaultValue = "scrap.", description = "Prefix of the contract topics (default ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--nodes", defaultValue = "1", description = "Cluster size: N > 1 starts N nodes as child processes on loopback (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--cluster", hidden = true, description = "Internal: the cluster this process is one node of (set by --nodes).")
    String cluster;

    @Option(names = "--node-id", hidden = true, description = "Internal: this process's node id within --cluster.")
    int nodeId;

    @Override
    public Integer call() throws Exception {
        if (cluster != null) {
            EmbeddedKafka node = EmbeddedKafka.startNode(dataDir, ClusterSpec.parse(cluster), nodeId);
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "broker-shutdown"));
            node.awaitShutdown();
            return 0;
        }
        if (nodes > 1) {
            return runCluster();
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, new BrokerOptions(host, port, advertisedHost));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "broker-shutdown"));
        createTopics(kafka.bootstrapServers(), 1, 1);
        kafka.awaitShutdown();
        return 0;
    }

    private int runCluster() throws InterruptedException {
        ClusterSpec spec = ClusterSpec.of(Uuid.randomUuid().toString(), "127.0.0.1", nodes, port);
        List<Process> children = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(Process::destroy), "cluster-shutdown"));
        for (ClusterSpec.Node node : spec.nodes()) {
            children.add(startChild(spec, node.id()));
        }
        EmbeddedKafka.awaitNodes(spec.bootstrapServers(), nodes, Duration.ofMinutes(3));
        createTopics(spec.bootstrapServers(), spec.replication(), spec.minInsyncReplicas());
        for (Process child : children) {
            child.waitFor();
        }
        return 0;
    }

    private Process startChild(ClusterSpec spec, int id) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), ScrapTrace.class.getName(),
                "broker", "--cluster", spec.encode(), "--node-id", String.valueOf(id),
                "--data-dir", dataDir.resolve("node-" + id).toString());
        try {
            return new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start broker node " + id, e);
        }
    }

    private void createTopics(String bootstrap, int replication, int minIsr) {
        ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(
                ScrapTraceConfig.BOOTSTRAP_SERVERS, bootstrap,
                ScrapTraceConfig.TOPIC_PREFIX, topicPrefix,
                ScrapTraceConfig.TOPIC_REPLICATION, String.valueOf(replication),
                ScrapTraceConfig.TOPIC_MIN_ISR, String.valueOf(minIsr)));
        List<String> created = TopicCreator.ensureTopics(config);
        System.out.printf("Kafka on %s (data in %s); topics created now: %s%n",
                bootstrap, dataDir.toAbsolutePath(), created.isEmpty() ? "none, all existed" : String.join(", ", created));
    }
}
