package io.scraptrace.simulator.plant;

import io.scraptrace.avro.Material;
import java.time.Instant;

/**
 * A lot as the simulator tracks it: several readings of pieces of (mostly) one grade from one
 * site. Its mass is the sum of its accepted readings' masses. Mutated only by the simulator thread.
 */
final class Lot {
    final String lotId;
    final String siteId;
    final String grade;
    final Material material;
    final double targetKg;
    double generatedKg;
    double acceptedKg;
    int pendingReadings;
    boolean closed;
    Instant settledAt;
    String claimedBy;
    Instant claimedAt;

    Lot(String lotId, String siteId, String grade, Material material, double targetKg) {
        this.lotId = lotId;
        this.siteId = siteId;
        this.grade = grade;
        this.material = material;
        this.targetKg = targetKg;
    }

    /** Closed, every reading answered, and settled at or before {@code cutoff}. */
    boolean settledBy(Instant cutoff) {
        return settledAt != null && !settledAt.isAfter(cutoff);
    }

    boolean claimed() {
        return claimedBy != null;
    }
}
