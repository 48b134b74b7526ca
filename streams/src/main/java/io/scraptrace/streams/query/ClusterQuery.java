package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.scraptrace.core.http.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers a view from whichever instance holds its state: a single key from its owner, a list by
 * asking every instance for the partitions it owns and merging. A request that was itself
 * forwarded is answered from local state only. An answer is either complete or a 503: when an
 * owner is unreachable (e.g. killed, before the group notices) or a rebalance is moving state,
 * this instance's caught-up copies, standbys included, answer instead if they cover what is
 * needed.
 */
public final class ClusterQuery {
    /** The partitions a forwarded list request must be answered from (comma-separated). */
    public static final String PARTITIONS_HEADER = "X-ScrapTrace-Partitions";
    private static final Duration RETRY_FOR = Duration.ofSeconds(2);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private final StoreAccess stores;
    private final Forwarder forwarder;

    public ClusterQuery(StoreAccess stores, Forwarder forwarder) {
        this.stores = stores;
        this.forwarder = forwarder;
    }

    /** Whether {@code ctx} came from another instance (and must not be forwarded again). */
    public static boolean forwarded(Context ctx) {
        return ctx.header(Forwarder.FORWARDED_HEADER) != null;
    }

    /** The original path and query of {@code ctx}, to ask another instance the same question. */
    public static String pathAndQuery(Context ctx) {
        String query = ctx.queryString();
        return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /**
     * The view of {@code key}: computed by {@code local} when this instance owns the key, otherwise
     * fetched from the owner at {@code pathAndQuery}. Empty when the key is unknown.
     *
     * @param mayForward false for a request another instance forwarded: then only local state counts
     */
    public Optional<JsonNode> byKey(String store, String key, String pathAndQuery, String authorization, boolean mayForward,
                                    Supplier<Optional<JsonNode>> local) {
        // A forwarded request fails fast: the instance that forwarded it has its own fallbacks.
        return mayForward ? retrying(() -> byKeyOnce(store, key, pathAndQuery, authorization, true, local))
                : byKeyOnce(store, key, pathAndQuery, authorization, false, local);
    }

    private Optional<JsonNode> byKeyOnce(String store, String key, String pathAndQuery, String authorization, boolean mayForward,
                                         Supplier<Optional<JsonNode>> local) {
        KeyQueryMetadata where = stores.locate(store, key);
        Set<Integer> partition = Set.of(where.partition());
        try {
            if (where.activeHost().equals(stores.self())) {
                return stores.readActive(store, partition, local, ClusterQuery::onlyOne);
            }
            if (!mayForward) {
                throw new UnavailableException(key + " moved to " + where.activeHost() + " while this request was forwarded");
            }
            return forwarder.get(where.activeHost(), pathAndQuery, authorization, Map.of());
        } catch (UnavailableException activeUnavailable) {
            if (!mayForward) {
                // Only the instance the client asked falls back, so one that is itself restoring is never asked to.
                throw activeUnavailable;
            }
            // The owner is unreachable (killed, before the group notices) or state is moving: a
            // caught-up copy here, standby or active, answers instead.
            return fromCopies(activeUnavailable, () -> stores.readAnyCopy(store, partition, local, ClusterQuery::onlyOne));
        }
    }

    /** {@link #byKey} for the request in {@code ctx}. */
    public Optional<JsonNode> byKey(Context ctx, String store, String key, Supplier<Optional<JsonNode>> local) {
        return byKey(store, key, pathAndQuery(ctx), ctx.header("Authorization"), !forwarded(ctx), local);
    }

    /**
     * A write on {@code key}, done by {@code local} on the instance holding the active copy of its
     * partition of {@code store}, so that one instance serializes every write of a key: forwarded
     * there with the request's method and body otherwise. Unlike a read, a write never falls back
     * to a copy here: two writers of one key could each miss the other's change.
     */
    public Optional<JsonNode> atOwner(Context ctx, String store, String key, Supplier<Optional<JsonNode>> local) {
        if (forwarded(ctx)) {
            return atOwnerOnce(ctx, store, key, local, false);
        }
        return retrying(() -> atOwnerOnce(ctx, store, key, local, true));
    }

    private Optional<JsonNode> atOwnerOnce(Context ctx, String store, String key, Supplier<Optional<JsonNode>> local, boolean mayForward) {
        KeyQueryMetadata where = stores.locate(store, key);
        if (where.activeHost().equals(stores.self())) {
            return stores.readActive(store, Set.of(where.partition()), local, ClusterQuery::onlyOne);
        }
        if (!mayForward) {
            throw new UnavailableException(key + " moved to " + where.activeHost() + " while this request was forwarded");
        }
        return forwarder.send(where.activeHost(), ctx.method().name(), pathAndQuery(ctx), ctx.header("Authorization"), Map.of(), ctx.body());
    }

    /** The partitions a list request forwarded by another instance must be answered from. */
    public static Set<Integer> forwardedPartitions(Context ctx) {
        return parse(ctx.header(PARTITIONS_HEADER));
    }

    /**
     * The items of the array {@code field} from every instance holding part of {@code store}:
     * {@code local} for this one, the same request for the others, each asked for exactly the
     * partitions it owns so no item is missed or listed twice.
     */
    public List<JsonNode> fanOut(Context ctx, String store, String field, Supplier<List<JsonNode>> local) {
        if (forwarded(ctx)) {
            return stores.readActive(store, parse(ctx.header(PARTITIONS_HEADER)), local, ClusterQuery::concat);
        }
        return retrying(() -> fanOutOnce(ctx, store, field, local));
    }

    private List<JsonNode> fanOutOnce(Context ctx, String store, String field, Supplier<List<JsonNode>> local) {
        Map<HostInfo, Set<Integer>> assignment = stores.assignment(store);
        List<JsonNode> items = new ArrayList<>();
        try {
            for (Map.Entry<HostInfo, Set<Integer>> owner : assignment.entrySet()) {
                if (owner.getKey().equals(stores.self())) {
                    items.addAll(stores.readActive(store, owner.getValue(), local, ClusterQuery::concat));
                } else {
                    forwarder.get(owner.getKey(), pathAndQuery(ctx), ctx.header("Authorization"),
                                    Map.of(PARTITIONS_HEADER, partitionList(owner.getValue())))
                            .ifPresent(body -> body.path(field).forEach(items::add));
                }
            }
        } catch (UnavailableException activeUnavailable) {
            // Copies here (standbys included) may cover what the others own: then this instance answers the whole list alone.
            Set<Integer> all = new TreeSet<>();
            assignment.values().forEach(all::addAll);
            return fromCopies(activeUnavailable, () -> stores.readAnyCopy(store, all, local, ClusterQuery::concat));
        }
        return items;
    }

    /**
     * {@code query}, tried again for up to {@link #RETRY_FOR} while state is moving: a takeover
     * leaves a partition without a readable copy for a moment, and most clients do not retry a 503.
     */
    private static <R> R retrying(Supplier<R> query) {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            try {
                return query.get();
            } catch (UnavailableException e) {
                if (System.nanoTime() + RETRY_PAUSE.toNanos() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(RETRY_PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static <R> R fromCopies(UnavailableException activeUnavailable, Supplier<R> copies) {
        try {
            return copies.get();
        } catch (UnavailableException noCopies) {
            activeUnavailable.addSuppressed(noCopies);
            throw activeUnavailable;
        }
    }

    private static <T> T onlyOne(T a, T b) {
        throw new IllegalStateException("a single key is read from one partition");
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    /** {@code partitions} as the value of {@link #PARTITIONS_HEADER}. */
    public static String partitionList(Set<Integer> partitions) {
        return partitions.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Set<Integer> parse(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(400, PARTITIONS_HEADER + " is required on a forwarded list request");
        }
        try {
            return Arrays.stream(header.split(",")).map(String::trim).map(Integer::valueOf).collect(Collectors.toSet());
        } catch (NumberFormatException e) {
            throw new ApiException(400, PARTITIONS_HEADER + " must list partition numbers: " + header);
        }
    }
}
