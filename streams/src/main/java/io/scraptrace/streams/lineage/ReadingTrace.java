package io.scraptrace.streams.lineage;

import io.scraptrace.avro.GradedReading;

/**
 * The part of a graded reading the lineage shows: which reading, how it was graded and by which
 * model.
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

    /** The trace of {@code reading}. */
    public static ReadingTrace of(GradedReading reading) {
        return new ReadingTrace(reading.getEventId(), reading.getStationId(), reading.getSensor().name(),
                reading.getTimestamp().toEpochMilli(), reading.getMassKg(), reading.getGrade(), reading.getConfidence(),
                reading.getModelVersion(), reading.getFrameId());
    }
}
