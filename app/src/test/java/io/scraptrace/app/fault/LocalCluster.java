package io.scraptrace.app.fault;

import io.scraptrace.broker.ClusterSpec;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.TopicCreator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;

/**
 * A 3-node KRaft cluster on loopback, one child JVM per node (each a combined broker+controller,
 * as {@link ClusterSpec} describes), started through the launcher's hidden
 * {@code broker --cluster SPEC --node-id N} options, with fixed ports so a killed node comes back
 * where the clients expect it.
 */
final class LocalCluster implements AutoCloseable {
    static final int NODES = 3;

    private final ClusterSpec spec;
    private final Map<Integer, ChildJvm> nodes = new LinkedHashMap<>();
    private final Admin admin;

    private LocalCluster(ClusterSpec spec, Path dataDir, Path logDir) {
        this.spec = spec;
        for (ClusterSpec.Node node : spec.nodes()) {
            nodes.put(node.id(), new ChildJvm("broker-" + node.id(), "384m", List.of("broker", "--cluster", spec.encode(),
                    "--node-id", String.valueOf(node.id()), "--data-dir", dataDir.resolve("node-" + node.id()).toString()), logDir));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        this.admin = Admin.create(props);
    }

    /** Start every node at once (a node is ready only when a quorum of its peers runs). */
    static LocalCluster start(Path dataDir, Path logDir) {
        List<ClusterSpec.Node> members = new ArrayList<>();
        List<Integer> ports = freePorts(2 * NODES);
        for (int i = 0; i < NODES; i++) {
            members.add(new ClusterSpec.Node(i + 1, ports.get(i), ports.get(NODES + i)));
        }
        ClusterSpec spec = new ClusterSpec(Uuid.randomUuid().toString(), "127.0.0.1", members);
        LocalCluster cluster = new LocalCluster(spec, dataDir, logDir);
        cluster.nodes.values().forEach(ChildJvm::start);
        return cluster;
    }

    String bootstrapServers() {
        return spec.bootstrapServers();
    }

    ClusterSpec spec() {
        return spec;
    }

    ChildJvm node(int id) {
        return nodes.get(id);
    }

    Collection<ChildJvm> children() {
        return nodes.values();
    }

    /** Wait until {@code count} nodes are registered with the cluster. */
    void awaitNodes(int count, Duration timeout) {
        try {
            EmbeddedKafka.awaitNodes(spec.bootstrapServers(), count, timeout);
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage() + "; nodes: " + describe(), e);
        }
    }

    /** The contract topics with replication 3 and min ISR 2 (the same call every service makes, with those keys). */
    List<String> createTopics() {
        return TopicCreator.ensureTopics(clientConfig());
    }

    /** Configuration every service and the test's own clients share. */
    ScrapTraceConfig clientConfig() {
        return ScrapTraceConfig.of(Map.of(
                ScrapTraceConfig.BOOTSTRAP_SERVERS, spec.bootstrapServers(),
                ScrapTraceConfig.TOPIC_REPLICATION, String.valueOf(spec.replication()),
                ScrapTraceConfig.TOPIC_MIN_ISR, String.valueOf(spec.minInsyncReplicas())));
    }

    /** Node id of the active KRaft controller (quorum leader). */
    int controllerLeader() throws Exception {
        return admin.describeMetadataQuorum().quorumInfo().get(20, TimeUnit.SECONDS).leaderId();
    }

    /** Ids of the nodes the cluster currently reports alive. */
    List<Integer> liveNodes() throws Exception {
        return admin.describeCluster().nodes().get(20, TimeUnit.SECONDS).stream().map(Node::id).sorted().toList();
    }

    /** Per node id, how many partitions (of every topic, internal included) it leads. */
    Map<Integer, Integer> leadership() throws Exception {
        Map<Integer, Integer> leaders = new LinkedHashMap<>();
        for (TopicDescription topic : describeAll()) {
            for (TopicPartitionInfo p : topic.partitions()) {
                if (p.leader() != null) {
                    leaders.merge(p.leader().id(), 1, Integer::sum);
                }
            }
        }
        return leaders;
    }

    /** Partitions (topic-partition) whose ISR is smaller than their replica set, internal topics included. */
    List<String> underReplicated() throws Exception {
        List<String> under = new ArrayList<>();
        for (TopicDescription topic : describeAll()) {
            for (TopicPartitionInfo p : topic.partitions()) {
                if (p.isr().size() < p.replicas().size()) {
                    under.add(topic.name() + "-" + p.partition() + " isr=" + p.isr().stream().map(Node::id).toList());
                }
            }
        }
        return under;
    }

    /** Replication factor and min ISR of a topic, as created. */
    String topicSettings(String topic) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS).get(topic);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        String minIsr = admin.describeConfigs(List.of(resource)).all().get(20, TimeUnit.SECONDS).get(resource)
                .get("min.insync.replicas").value();
        return "rf=" + d.partitions().get(0).replicas().size() + " minIsr=" + minIsr + " partitions=" + d.partitions().size();
    }

    private Collection<TopicDescription> describeAll() throws Exception {
        var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(20, TimeUnit.SECONDS);
        return admin.describeTopics(names).allTopicNames().get(20, TimeUnit.SECONDS).values();
    }

    String describe() {
        return nodes.values().stream().map(ChildJvm::describe).collect(Collectors.joining("; "));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
        nodes.values().forEach(ChildJvm::killQuietly);
    }

    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no free ports", e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            }
        }
    }
}
