package io.scraptrace.simulator.plant;

import io.scraptrace.avro.Material;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's own books: every lot, what ingest accepted of it, which declaration claimed it,
 * and per site and material how much was declared. Declarations are planned from these books so
 * clean ones stay clean under the alert rules whatever the grading lag.
 */
final class StockLedger {
    private final Map<String, Lot> lots = new LinkedHashMap<>();
    private final Map<String, Double> declaredKg = new HashMap<>();
    private final Map<String, Instant> lastDeclaredAt = new HashMap<>();

    /** Starts tracking a lot (idempotent). */
    void track(Lot lot) {
        lots.putIfAbsent(lot.lotId, lot);
    }

    /** Books ingest's answer for one reading of {@code lot}. */
    void answered(Lot lot, double massKg, boolean accepted, Instant now) {
        if (accepted) {
            lot.acceptedKg += massKg;
        }
        lot.pendingReadings--;
        if (lot.closed && lot.pendingReadings == 0 && lot.settledAt == null) {
            lot.settledAt = now;
        }
    }

    /** Unclaimed lots of a site and material that settled by {@code cutoff}, oldest first. */
    List<Lot> declarable(String siteId, Material material, Instant cutoff) {
        List<Lot> found = new ArrayList<>();
        for (Lot lot : lots.values()) {
            if (lot.siteId.equals(siteId) && lot.material == material && !lot.claimed() && lot.settledBy(cutoff)
                    && lot.acceptedKg > 0) {
                found.add(lot);
            }
        }
        return found;
    }

    /** Lots of {@code grade} claimed by a declaration at or before {@code cutoff}. */
    List<Lot> claimedBefore(String grade, Instant cutoff) {
        return lots.values().stream()
                .filter(lot -> lot.grade.equals(grade) && lot.claimed() && !lot.claimedAt.isAfter(cutoff))
                .toList();
    }

    /** Accepted mass of settled lots (settled by {@code cutoff}): what grading has most likely seen. */
    double settledKg(String siteId, Material material, Instant cutoff) {
        return lots.values().stream()
                .filter(lot -> lot.siteId.equals(siteId) && lot.material == material && lot.settledBy(cutoff))
                .mapToDouble(lot -> lot.acceptedKg)
                .sum();
    }

    /** Accepted mass of every lot, open ones included: the most grading can have seen. */
    double acceptedKg(String siteId, Material material) {
        return lots.values().stream()
                .filter(lot -> lot.siteId.equals(siteId) && lot.material == material)
                .mapToDouble(lot -> lot.acceptedKg)
                .sum();
    }

    double declaredKg(String siteId, Material material) {
        return declaredKg.getOrDefault(key(siteId, material), 0.0);
    }

    Optional<Instant> lastDeclaredAt(String siteId, Material material) {
        return Optional.ofNullable(lastDeclaredAt.get(key(siteId, material)));
    }

    /** Books an accepted declaration: its mass against the site's material, its lots as claimed. */
    void declared(String declarationId, String siteId, Material material, double massKg, List<Lot> claims, Instant now) {
        declaredKg.merge(key(siteId, material), massKg, Double::sum);
        lastDeclaredAt.put(key(siteId, material), now);
        for (Lot lot : claims) {
            lot.claimedBy = declarationId;
            lot.claimedAt = now;
        }
    }

    private static String key(String siteId, Material material) {
        return siteId + "|" + material;
    }
}
