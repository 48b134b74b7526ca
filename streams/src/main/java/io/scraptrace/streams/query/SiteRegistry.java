package io.scraptrace.streams.query;

import io.scraptrace.avro.Site;
import io.scraptrace.streams.app.StreamsTopology;
import java.util.Optional;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The site registry as every instance holds it (a global store), for lookups at query time. */
public final class SiteRegistry {
    private final StoreAccess stores;

    public SiteRegistry(StoreAccess stores) {
        this.stores = stores;
    }

    /** The registered site, if any. */
    public Optional<Site> find(String siteId) {
        ReadOnlyKeyValueStore<String, Site> sites = stores.local(StreamsTopology.SITES_STORE, QueryableStoreTypes.keyValueStore());
        return Optional.ofNullable(sites.get(siteId));
    }
}
