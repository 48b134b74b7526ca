package io.scraptrace.ingest.validation;

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
    /** Read (and check) the event fields; violations are recorded in {@code fields}. */
    static PlantEvent read(JsonFields fields) {
        return new PlantEvent(fields.id("eventId"), fields.id("siteId"), fields.id("stationId"), fields.id("lotId"),
                fields.instant("timestamp"));
    }
}
