package io.scraptrace.streams.query;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * Where a key's state lives and access to this instance's part of it. Routes are registered before
 * the application starts (its {@code application.server} port is only known once the HTTP server
 * is bound), so the running application is attached later; until then, and whenever a rebalance
 * is moving state, queries raise {@link UnavailableException}.
 */
public final class StoreAccess {
    private record Attached(KafkaStreams streams, HostInfo self) {
    }

    private volatile Attached attached;

    /** Serve queries from {@code streams}, reachable by other instances at {@code self}. */
    public void attach(KafkaStreams streams, HostInfo self) {
        this.attached = new Attached(streams, self);
    }

    /** This instance's {@code application.server}. */
    public HostInfo self() {
        return running().self();
    }

    /** The instance holding the active copy of {@code key} in {@code store}, empty when it is this one. */
    public Optional<HostInfo> remoteOwner(String store, String key) {
        Attached app = running();
        KeyQueryMetadata metadata;
        try {
            metadata = app.streams().queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw new UnavailableException("streams not running: " + e.getMessage(), e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new UnavailableException("owner of " + key + " in " + store + " is not known yet (rebalancing)");
        }
        HostInfo owner = metadata.activeHost();
        return owner.equals(app.self()) ? Optional.empty() : Optional.of(owner);
    }

    /** Every instance holding active partitions of {@code store}, this one included if it does. */
    public List<HostInfo> hosts(String store) {
        try {
            List<HostInfo> hosts = running().streams().streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo).distinct().toList();
            if (hosts.isEmpty()) {
                throw new UnavailableException("no instance serves " + store + " yet (rebalancing)");
            }
            return hosts;
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw new UnavailableException("streams not running: " + e.getMessage(), e);
        }
    }

    /** This instance's active partitions of {@code store}. */
    public <T> T local(String store, QueryableStoreType<T> type) {
        try {
            return running().streams().store(StoreQueryParameters.fromNameAndType(store, type));
        } catch (InvalidStateStoreException e) {
            throw new UnavailableException(store + " is not queryable here yet: " + e.getMessage(), e);
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
