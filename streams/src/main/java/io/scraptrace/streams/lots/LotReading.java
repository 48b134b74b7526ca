package io.scraptrace.streams.lots;

import io.scraptrace.avro.GradedReading;

/**
 * A deduplicated graded reading as it leaves the lot tracker, marked when it opened a lot so the
 * regional aggregates can count lots without keeping sets of lot ids.
 *
 * @param reading    the graded reading
 * @param firstOfLot whether it is the first reading of its lot
 */
public record LotReading(GradedReading reading, boolean firstOfLot) {
}
