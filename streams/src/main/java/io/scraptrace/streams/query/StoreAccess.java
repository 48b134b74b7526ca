package io.scraptrace.streams.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * Where a key's state lives and access to this instance's part of it. Routes are registered before
 * the application starts (its {@code application.server} port is only known once the HTTP server
 * is bound), so the running application is attached later; until then, and whenever a rebalance
 * is moving state, queries raise {@link UnavailableException}.
 * <p>
 * During a rebalance the routing metadata moves to the new assignment before the stores do, so a
 * local read is only trusted when the partitions it must cover are, before and after the read,
 * exactly those this instance's running tasks hold; otherwise the answer would be a wrong "not
 * found" or a partial list instead of "try again".
 */
public final class StoreAccess {
    private record Attached(KafkaStreams streams, HostInfo self, Map<String, Integer> subtopologyOfStore,
                            Map<Integer, Set<String>> sourceTopics) {
    }

    private volatile Attached attached;
    // Set while a view is answered from standby copies (the owner is unreachable): reads may lag a little.
    private final ThreadLocal<Boolean> fromStandbys = ThreadLocal.withInitial(() -> false);

    /** Serve queries from {@code streams} running {@code topology}, reachable by other instances at {@code self}. */
    public void attach(KafkaStreams streams, HostInfo self, TopologyDescription topology) {
        Map<String, Integer> subtopologyOfStore = new HashMap<>();
        Map<Integer, Set<String>> sourceTopics = new HashMap<>();
        for (TopologyDescription.Subtopology sub : topology.subtopologies()) {
            Set<String> topics = new HashSet<>();
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    processor.stores().forEach(store -> subtopologyOfStore.put(store, sub.id()));
                } else if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    topics.addAll(source.topicSet());
                }
            }
            sourceTopics.put(sub.id(), topics);
        }
        this.attached = new Attached(streams, self, subtopologyOfStore, sourceTopics);
    }

    /** This instance's {@code application.server}. */
    public HostInfo self() {
        return running().self();
    }

    /** Where {@code key} of {@code store} lives: its partition, active host and standby hosts. */
    public KeyQueryMetadata locate(String store, String key) {
        KeyQueryMetadata metadata;
        try {
            metadata = running().streams().queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw new UnavailableException("streams not running: " + e.getMessage(), e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new UnavailableException("owner of " + key + " in " + store + " is not known yet (rebalancing)");
        }
        return metadata;
    }

    /** The partitions of {@code store} each instance holds the active copy of, as the routing metadata has it. */
    public Map<HostInfo, Set<Integer>> assignment(String store) {
        Attached app = running();
        Set<String> topics = app.sourceTopics().getOrDefault(app.subtopologyOfStore().get(store), Set.of());
        Map<HostInfo, Set<Integer>> assignment = new TreeMap<>((a, b) -> (a.host() + ":" + a.port()).compareTo(b.host() + ":" + b.port()));
        try {
            for (StreamsMetadata instance : app.streams().streamsMetadataForStore(store)) {
                instance.topicPartitions().stream()
                        // Internal topics carry the application id in front of the name the topology gives them.
                        .filter(tp -> topics.stream().anyMatch(t -> tp.topic().equals(t) || tp.topic().endsWith("-" + t)))
                        .forEach(tp -> assignment.computeIfAbsent(instance.hostInfo(), h -> new HashSet<>()).add(tp.partition()));
            }
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw new UnavailableException("streams not running: " + e.getMessage(), e);
        }
        if (assignment.isEmpty()) {
            throw new UnavailableException("no instance serves " + store + " yet (rebalancing)");
        }
        return assignment;
    }

    /**
     * {@code read} of this instance's active copies of {@code partitions}: with {@code exactly}, only
     * if they are all it holds (a list must not repeat what another instance answers), otherwise if
     * it holds at least those.
     */
    public <R> R readActive(String store, Set<Integer> partitions, boolean exactly, Supplier<R> read) {
        requireActive(store, partitions, exactly);
        R result = read.get();
        // A rebalance during the read may have taken a partition away half-way through.
        requireActive(store, partitions, exactly);
        return result;
    }

    /**
     * {@code read} of every copy this instance has of {@code store}, standbys included, provided
     * they are exactly (or, unless {@code exactly}, include) {@code partitions}: the answer while an
     * owner is unreachable, as fresh as the standbys are (they trail the active copy by about a
     * commit interval).
     */
    public <R> R readAllCopies(String store, Set<Integer> partitions, boolean exactly, Supplier<R> read) {
        Set<Integer> held = copies(store, ThreadMetadata::activeTasks);
        held.addAll(copies(store, ThreadMetadata::standbyTasks));
        if (exactly ? !held.equals(partitions) : !held.containsAll(partitions)) {
            throw new UnavailableException(store + ": partitions " + partitions + " are not all held here (holding " + held + ")");
        }
        boolean outer = fromStandbys.get();
        fromStandbys.set(true);
        try {
            return read.get();
        } finally {
            fromStandbys.set(outer);
        }
    }

    /** The partitions of {@code store} this instance holds a standby copy of. */
    public Set<Integer> standbyPartitions(String store) {
        return copies(store, ThreadMetadata::standbyTasks);
    }

    /** This instance's copies of {@code store}: running active ones, plus standbys inside {@link #readAllCopies}. */
    public <T> T local(String store, QueryableStoreType<T> type) {
        StoreQueryParameters<T> parameters = StoreQueryParameters.fromNameAndType(store, type);
        try {
            return running().streams().store(fromStandbys.get() ? parameters.enableStaleStores() : parameters);
        } catch (InvalidStateStoreException e) {
            throw new UnavailableException(store + " is not queryable here yet: " + e.getMessage(), e);
        }
    }

    private void requireActive(String store, Set<Integer> partitions, boolean exactly) {
        if (running().streams().state() != KafkaStreams.State.RUNNING) {
            throw new UnavailableException("streams is " + running().streams().state() + ", not RUNNING");
        }
        Set<Integer> held = copies(store, ThreadMetadata::activeTasks);
        if (exactly ? !held.equals(partitions) : !held.containsAll(partitions)) {
            throw new UnavailableException(store + ": partitions " + partitions + " are not active here yet (holding " + held
                    + "; rebalancing)");
        }
    }

    private Set<Integer> copies(String store, Function<ThreadMetadata, Set<TaskMetadata>> tasks) {
        Attached app = running();
        Integer subtopology = app.subtopologyOfStore().get(store);
        Set<Integer> partitions = new HashSet<>();
        for (ThreadMetadata thread : app.streams().metadataForLocalThreads()) {
            for (TaskMetadata task : tasks.apply(thread)) {
                if (subtopology != null && task.taskId().subtopology() == subtopology) {
                    partitions.add(task.taskId().partition());
                }
            }
        }
        return partitions;
    }

    private Attached running() {
        Attached app = attached;
        if (app == null) {
            throw new UnavailableException("streams application not started yet");
        }
        return app;
    }
}
