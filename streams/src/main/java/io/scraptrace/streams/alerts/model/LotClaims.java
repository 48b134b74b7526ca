package io.scraptrace.streams.alerts.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The declarations that listed one lot, in arrival order; the first one owns the lot and any later
 * one re-uses an already claimed lot.
 *
 * @param requesters declarations that asked for the lot, first claimant first
 */
public record LotClaims(List<LotRequest> requesters) {
    public LotClaims {
        requesters = List.copyOf(requesters);
    }

    /** No claim yet. */
    public static LotClaims none() {
        return new LotClaims(List.of());
    }

    /** These claims with {@code request} added unless its declaration already asked. */
    public LotClaims with(LotRequest request) {
        if (requesters.stream().anyMatch(r -> r.declarationId().equals(request.declarationId()))) {
            return this;
        }
        List<LotRequest> more = new ArrayList<>(requesters);
        more.add(request);
        return new LotClaims(more);
    }

    /** The declaration that claimed the lot first. */
    public String claimant() {
        return requesters.get(0).declarationId();
    }
}
