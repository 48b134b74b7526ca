package io.scraptrace.streams.passports;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.streams.alerts.model.LotClaims;
import io.scraptrace.streams.alerts.process.LotLedger;
import io.scraptrace.streams.query.LotViews;
import io.scraptrace.streams.query.SiteRegistry;
import io.scraptrace.streams.query.StoreAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a lot's passport from this instance: the lot's state and the declarations that claimed it
 * live on the same partition (the alerts' lot ledger keeps its claims next to the lot tracker), so
 * one owner answers the whole passport.
 */
public final class PassportViews {
    private final StoreAccess stores;
    private final LotViews lots;
    private final SiteRegistry sites;
    private final Clock clock;

    public PassportViews(StoreAccess stores, LotViews lots, SiteRegistry sites, Clock clock) {
        this.stores = stores;
        this.lots = lots;
        this.sites = sites;
        this.clock = clock;
    }

    /** The lot's passport, if this instance has the lot. */
    public Optional<JsonNode> passport(String lotId) {
        return lots.state(lotId).map(lot -> PassportJson.render(lot, sites.find(lot.siteId()), lots.status(lot), claims(lotId),
                Instant.ofEpochMilli(clock.millis())));
    }

    private LotClaims claims(String lotId) {
        ReadOnlyKeyValueStore<String, LotClaims> claims = stores.local(LotLedger.CLAIMS_STORE, QueryableStoreTypes.keyValueStore());
        LotClaims found = claims.get(lotId);
        return found == null ? LotClaims.none() : found;
    }
}
