package io.scraptrace.streams.lots;

import io.scraptrace.avro.GradedReading;

/**
 * A deduplicated graded reading as it leaves the lot tracker, with its lot's state before and after
 * it: the regional aggregates count lots by the readings that open them (no sets of lot ids), and
 * the alerts re-book a lot's intake when a reading changes its material.
 *
 * @param reading the graded reading
 * @param before  the lot before this reading; null when the reading opened the lot
 * @param lot     the lot including this reading
 */
public record LotReading(GradedReading reading, LotState before, LotState lot) {
    /** Whether the reading is the first of its lot. */
    public boolean firstOfLot() {
        return before == null;
    }
}
