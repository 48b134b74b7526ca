package io.scraptrace.streams.alerts.model;

import io.scraptrace.streams.lots.LotReading;

/**
 * What the lot ledger receives, keyed by lotId: a graded reading with its lot's state, or a
 * declaration's request for the lot. Never serialized: both sources are merged inside one
 * sub-topology. Exactly one field is set.
 *
 * @param reading a graded reading of the lot
 * @param request a declaration asking for the lot
 */
public record LotEvent(LotReading reading, LotRequest request) {
    /** An event carrying a graded reading. */
    public static LotEvent of(LotReading reading) {
        return new LotEvent(reading, null);
    }

    /** An event carrying a request. */
    public static LotEvent of(LotRequest request) {
        return new LotEvent(null, request);
    }
}
