package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.streams.balance.BalanceTopology;
import io.scraptrace.streams.balance.SiteBalance;
import java.util.Optional;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads a site's mass balance from this instance's part of the balance store. */
public final class BalanceViews {
    private final StoreAccess stores;
    private final SiteRegistry sites;

    public BalanceViews(StoreAccess stores, SiteRegistry sites) {
        this.stores = stores;
        this.sites = sites;
    }

    /** The site's balance, if it has one here or is at least registered (then all zero). */
    public Optional<JsonNode> balance(String siteId) {
        ReadOnlyKeyValueStore<String, SiteBalance> store = stores.local(BalanceTopology.STORE, QueryableStoreTypes.keyValueStore());
        SiteBalance balance = store.get(siteId);
        if (balance == null && sites.find(siteId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BalanceJson.render(siteId, balance == null ? SiteBalance.empty() : balance));
    }
}
