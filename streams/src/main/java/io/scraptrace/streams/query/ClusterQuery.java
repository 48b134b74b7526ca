package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers a view from whichever instance holds its state: a single key from its owner, a list by
 * asking every instance for its part and merging. A request that was itself forwarded is answered
 * from local state only.
 */
public final class ClusterQuery {
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
        Optional<HostInfo> owner = stores.remoteOwner(store, key);
        if (owner.isEmpty()) {
            return local.get();
        }
        if (!mayForward) {
            throw new UnavailableException(key + " moved to " + owner.get() + " while this request was forwarded");
        }
        return forwarder.get(owner.get(), pathAndQuery, authorization);
    }

    /** {@link #byKey} for the request in {@code ctx}. */
    public Optional<JsonNode> byKey(Context ctx, String store, String key, Supplier<Optional<JsonNode>> local) {
        return byKey(store, key, pathAndQuery(ctx), ctx.header("Authorization"), !forwarded(ctx), local);
    }

    /**
     * The items of the array {@code field} from every instance holding part of {@code store}:
     * {@code local} for this one, the same request for the others.
     */
    public List<JsonNode> fanOut(Context ctx, String store, String field, Supplier<List<JsonNode>> local) {
        if (forwarded(ctx)) {
            return local.get();
        }
        List<JsonNode> items = new ArrayList<>();
        for (HostInfo host : stores.hosts(store)) {
            if (host.equals(stores.self())) {
                items.addAll(local.get());
            } else {
                forwarder.get(host, pathAndQuery(ctx), ctx.header("Authorization"))
                        .ifPresent(body -> body.path(field).forEach(items::add));
            }
        }
        return items;
    }
}
