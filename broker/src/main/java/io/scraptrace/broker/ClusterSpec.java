package io.scraptrace.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of a KRaft cluster whose nodes are all combined broker+controller: a cluster id and,
 * per node, its id, client port and controller port on one host. It travels between processes as
 * text ({@link #encode()} / {@link #parse(String)}) so each node of a multi-process cluster is
 * started with the same picture of the quorum.
 *
 * @param clusterId KRaft cluster id (22-character base64 UUID), shared by every node
 * @param host      host every node listens on and advertises (loopback for tests)
 * @param nodes     the nodes
 */
public record ClusterSpec(String clusterId, String host, List<Node> nodes) {
    /**
     * One node.
     *
     * @param id             node.id
     * @param port           client (PLAINTEXT) port
     * @param controllerPort controller port
     */
    public record Node(int id, int port, int controllerPort) {
    }

    public ClusterSpec {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster has at least one node");
        }
    }

    /** {@code count} nodes on {@code host}, client ports from {@code basePort} up and controller ports after them. */
    public static ClusterSpec of(String clusterId, String host, int count, int basePort) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nodes.add(new Node(i + 1, basePort + i, basePort + count + i));
        }
        return new ClusterSpec(clusterId, host, nodes);
    }

    /** The node with that id. */
    public Node node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id + " in " + encode()));
    }

    /** {@code controller.quorum.voters}. */
    public String voters() {
        return nodes.stream().map(n -> n.id() + "@" + host + ":" + n.controllerPort()).collect(Collectors.joining(","));
    }

    /** Every node's client address, for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return nodes.stream().map(n -> host + ":" + n.port()).collect(Collectors.joining(","));
    }

    /** Replication for internal topics: 3 where there are 3 nodes, fewer on smaller clusters. */
    public int replication() {
        return Math.min(3, nodes.size());
    }

    /** Minimum in-sync replicas that still survive one lost node. */
    public int minInsyncReplicas() {
        return Math.max(1, replication() - 1);
    }

    /** Text form: {@code clusterId@host:1=9092/9095,2=9093/9096,...}. */
    public String encode() {
        return clusterId + "@" + host + ":" + nodes.stream()
                .map(n -> n.id() + "=" + n.port() + "/" + n.controllerPort()).collect(Collectors.joining(","));
    }

    /** Parse {@link #encode()}'s text form. */
    public static ClusterSpec parse(String text) {
        try {
            int at = text.indexOf('@');
            int colon = text.indexOf(':', at);
            List<Node> nodes = new ArrayList<>();
            for (String part : text.substring(colon + 1).split(",")) {
                String[] idPorts = part.split("=");
                String[] ports = idPorts[1].split("/");
                nodes.add(new Node(Integer.parseInt(idPorts[0]), Integer.parseInt(ports[0]), Integer.parseInt(ports[1])));
            }
            return new ClusterSpec(text.substring(0, at), text.substring(at + 1, colon), nodes);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cluster spec (clusterId@host:1=9092/9095,...): " + text, e);
        }
    }
}
