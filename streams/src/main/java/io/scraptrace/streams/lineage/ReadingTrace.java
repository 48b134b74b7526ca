package io.scraptrace.streams.lineage;

import io.scraptrace.avro.GradedReading;

/**
 * The part of a graded reading the lineage shows: which reading, how it was graded and by which
 * model; or {@link #EXPIRED}, what is left of a reading past the lineage retention.
 *
 * @param eventId      the reading's idempotency key
 * @param stationId    measuring station
 * @param sensor       measurement technique
 * @param timestamp    when it was measured, epoch ms
 * @param massKg       its mass
 * @param grade        grade given by the sorter
 * @param confidence   the model's confidence
 * @param modelVersion model that graded it
 * @param frameId      camera frame fused into the grade, if any
 */
public record ReadingTrace(String eventId, String stationId, String sensor, long timestamp, double massKg, String grade,
                           double confidence, String modelVersion, String frameId) {

    /**
     * A reading past the lineage retention: its details are gone (its lot keeps the totals), its key
     * stays so a resend is still recognised.
     */
    public static final ReadingTrace EXPIRED = new ReadingTrace(null, null, null, 0, 0, null, 0, null, null);

    /** Whether only the reading's key is left, its details past the retention. */
    public boolean expired() {
        return this == EXPIRED;
    }

    /** The trace of {@code reading}. */
    public static ReadingTrace of(GradedReading reading) {
        return new ReadingTrace(reading.getEventId(), reading.getStationId(), reading.getSensor().name(),
                reading.getTimestamp().toEpochMilli(), reading.getMassKg(), reading.getGrade(), reading.getConfidence(),
                reading.getModelVersion(), reading.getFrameId());
    }
}
