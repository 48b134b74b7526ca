package io.scraptrace.ingest.validation;

import java.time.Duration;
import java.time.Instant;

/**
 * The fields every plant event (a reading or a frame) carries: which event, from which site,
 * station and lot, measured when. Read once here so both validators check them alike.
 *
 * @param eventId   idempotency key
 * @param siteId    site that measured it
 * @param stationId station within the site
 * @param lotId     lot the piece or sample belongs to
 * @param timestamp when it was measured
 */
record PlantEvent(String eventId, String siteId, String stationId, String lotId, Instant timestamp) {
    /** How far a plant's clock may run ahead of ours before its measurement times are refused. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    /** Read (and check) the event fields of an item received at {@code receivedAt}; violations are recorded in {@code fields}. */
    static PlantEvent read(FieldChecks fields, Instant receivedAt) {
        return new PlantEvent(fields.id("eventId"), fields.id("siteId"), fields.id("stationId"), fields.id("lotId"),
                fields.pastInstant("timestamp", receivedAt.plus(MAX_CLOCK_SKEW)));
    }
}
