package io.scraptrace.streams.query;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * Where a key's state lives and access to this instance's part of it. Routes are registered before
 * the application starts (its {@code application.server} port is only known once the HTTP server
 * is bound), so the running application is attached later; until then, and whenever a rebalance
 * is moving state, queries raise {@link UnavailableException}.
 * <p>
 * During a rebalance the routing metadata moves to the new assignment before the stores do, so
 * every local read is pinned to the partitions it must cover: one that is not here (yet) is a
 * "try again", never a wrong "not found" or a shorter list.
 */
public final class StoreAccess {
    private record Attached(KafkaStreams streams, HostInfo self, Map<String, Integer> subtopologyOfStore,
                            Map<Integer, Set<String>> sourceTopics, ChangelogEnds changelogEnds) {
    }

    /** How often {@link #requireInputRead} looks at the application's committed offset again. */
    private static final Duration INPUT_POLL = Duration.ofMillis(50);

    private volatile Attached attached;
    /** The one partition local reads are pinned to, and whether standby (stale) copies count. */
    private record Scope(int partition, boolean anyCopy) {
    }

    // Set around a view's read so the stores it opens cover exactly one partition; HTTP handlers answer on their own thread.
    private final ThreadLocal<Scope> scope = new ThreadLocal<>();

    /**
     * Serve queries from {@code streams} running {@code topology}, reachable by other instances at
     * {@code self}; {@code changelogEnds} tells how far a standby copy can be behind.
     */
    public void attach(KafkaStreams streams, HostInfo self, TopologyDescription topology, ChangelogEnds changelogEnds) {
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
        this.attached = new Attached(streams, self, subtopologyOfStore, sourceTopics, changelogEnds);
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
     * {@code read} of this instance's running active copies of {@code partitions}, one partition at a
     * time, the answers combined by {@code combine}. A partition not active and running here makes
     * it a 503, never a smaller answer: during a rebalance the routing metadata moves before the
     * stores do.
     */
    public <R> R readActive(String store, Set<Integer> partitions, Supplier<R> read, BinaryOperator<R> combine) {
        requireRunning();
        return perPartition(partitions, false, read, combine);
    }

    /**
     * {@link #readActive} from any copy of each partition held here, standbys and restoring active
     * copies included, provided it has read every committed change of its changelog: the answer
     * while an owner is unreachable or state is moving. A copy still restoring after a crash does
     * not answer.
     */
    public <R> R readAnyCopy(String store, Set<Integer> partitions, Supplier<R> read, BinaryOperator<R> combine) {
        Map<Integer, LagInfo> lags = localLags(store);
        Set<Integer> behindLogEnd = new TreeSet<>();
        for (int partition : partitions) {
            LagInfo lag = lags.get(partition);
            if (lag == null) {
                throw new UnavailableException(store + ": no copy of partition " + partition + " here");
            }
            // Lag 0: a running active copy, or one that read the whole log. Otherwise it must have read every committed record.
            if (lag.offsetLag() > 0) {
                behindLogEnd.add(partition);
            }
        }
        // One request for all of them: a list read may need every partition of the store.
        Map<Integer, Long> committedEnds = behindLogEnd.isEmpty() ? Map.of() : running().changelogEnds().committedEnds(store, behindLogEnd);
        for (int partition : behindLogEnd) {
            long behind = committedEnds.get(partition) - lags.get(partition).currentOffsetPosition();
            // One offset of slack: the marker that commits a transaction is not a record a copy reads.
            if (behind > 1) {
                throw new UnavailableException(store + ": the copy of partition " + partition + " here is " + behind
                        + " committed records behind (restoring?)");
            }
        }
        return perPartition(partitions, true, read, combine);
    }

    /**
     * Within a {@code read*} call: returns once the application has processed every record appended
     * to the partition being read of {@code inputTopic} before this call (its committed offset there
     * has reached the partition's end as it was on entry), waiting up to {@code wait}; so a key
     * not found in the partition's store after this returns is truly unknown. Otherwise, and on a
     * standby copy (which may not have applied the commit that proves it), it throws
     * {@link UnavailableException} with {@code what} "may not be read yet".
     */
    public void requireInputRead(String inputTopic, String what, Duration wait) {
        Scope current = scope.get();
        if (current == null) {
            throw new IllegalStateException("requireInputRead is only meaningful within a read of one partition");
        }
        int partition = current.partition();
        if (current.anyCopy()) {
            throw new UnavailableException(what + " may not be read yet: only a copy of partition " + partition
                    + " is readable here, which cannot tell an unknown key from one not read yet");
        }
        ChangelogEnds offsets = running().changelogEnds();
        long end = offsets.inputEnd(inputTopic, partition);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long processed = offsets.applicationOffset(inputTopic, partition);
            if (processed >= end) {
                return;
            }
            if (System.nanoTime() + INPUT_POLL.toNanos() > deadline) {
                throw new UnavailableException(what + " may not be read yet: streams has processed " + inputTopic + " partition "
                        + partition + " up to offset " + processed + " of " + end + " accepted");
            }
            try {
                Thread.sleep(INPUT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnavailableException(what + " may not be read yet (interrupted while waiting for streams to read it)", e);
            }
        }
    }

    /** This instance's copy of {@code store}, of the partition a {@code read*} call is reading. */
    public <T> T local(String store, QueryableStoreType<T> type) {
        StoreQueryParameters<T> parameters = StoreQueryParameters.fromNameAndType(store, type);
        Scope current = scope.get();
        // Global stores (the site registry) are whole on every instance: no partition to pin.
        if (current != null && running().subtopologyOfStore().containsKey(store)) {
            parameters = parameters.withPartition(current.partition());
            if (current.anyCopy()) {
                parameters = parameters.enableStaleStores();
            }
        }
        try {
            return running().streams().store(parameters);
        } catch (InvalidStateStoreException e) {
            throw new UnavailableException(store + " is not queryable here yet: " + e.getMessage(), e);
        }
    }

    private <R> R perPartition(Set<Integer> partitions, boolean anyCopy, Supplier<R> read, BinaryOperator<R> combine) {
        Scope outer = scope.get();
        R result = null;
        try {
            for (int partition : new TreeSet<>(partitions)) {
                scope.set(new Scope(partition, anyCopy));
                R part = read.get();
                result = result == null ? part : combine.apply(result, part);
            }
        } finally {
            scope.set(outer);
        }
        if (result == null) {
            throw new IllegalArgumentException("no partition to read");
        }
        return result;
    }

    private Map<Integer, LagInfo> localLags(String store) {
        try {
            return running().streams().allLocalStorePartitionLags().getOrDefault(store, Map.of());
        } catch (StreamsException e) {
            throw new UnavailableException("cannot tell how far behind the copies of " + store + " are: " + e.getMessage(), e);
        }
    }

    private void requireRunning() {
        KafkaStreams.State state = running().streams().state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new UnavailableException("streams is " + state + ", not RUNNING");
        }
    }

    private Attached running() {
        Attached app = attached;
        if (app == null) {
            throw new UnavailableException("streams application not started yet");
        }
        return app;
    }
}
