package io.scraptrace.simulator.plant;

import io.scraptrace.avro.Material;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's own books, per site and material: its lots, what ingest accepted of them, which
 * are claimed, and what was declared when. Declarations are planned from these books so clean
 * ones stay clean under the alert rules whatever the grading lag. Sums are kept as running totals
 * plus a short recent history, so a simulator can run for days at constant cost per question.
 */
final class StockLedger {
    /** How far back questions about "settled by" or "declared before" may reach. */
    static final Duration HORIZON = Duration.ofMinutes(10);
    /** Claimed lots remembered per site and material (for re-claims). */
    private static final int CLAIMED_KEPT = 100;

    private final Map<String, Books> books = new HashMap<>();
    private final Set<String> tracked = new HashSet<>();

    /** An amount booked at a time. */
    private record Entry(double kg, Instant at) {
    }

    /** The books of one site and material. */
    private static final class Books {
        final List<Lot> unclaimed = new ArrayList<>();
        final Deque<Lot> claimed = new ArrayDeque<>();
        double acceptedKg;
        double claimedKg;
        final Deque<Entry> recentlyClaimed = new ArrayDeque<>();
        double declaredKg;
        final Deque<Entry> recentlyDeclared = new ArrayDeque<>();
    }

    /** Starts tracking a lot (idempotent). */
    void track(Lot lot) {
        if (tracked.add(lot.lotId)) {
            books(lot.siteId, lot.material).unclaimed.add(lot);
        }
    }

    /** Books ingest's answer for one reading of {@code lot}. */
    void answered(Lot lot, double massKg, boolean accepted, Instant now) {
        Books b = books(lot.siteId, lot.material);
        if (accepted) {
            lot.acceptedKg += massKg;
            b.acceptedKg += massKg;
        }
        lot.pendingReadings--;
        if (lot.closed && lot.pendingReadings == 0 && lot.settledAt == null) {
            lot.settledAt = now;
        }
    }

    /** Unclaimed lots of a site and material that settled by {@code cutoff}, oldest first. */
    List<Lot> declarable(String siteId, Material material, Instant cutoff) {
        return books(siteId, material).unclaimed.stream()
                .filter(lot -> lot.settledBy(cutoff) && lot.acceptedKg > 0)
                .toList();
    }

    /** Lots of {@code grade} at a site that a declaration claimed at or before {@code cutoff}. */
    List<Lot> claimedBefore(String siteId, Material material, String grade, Instant cutoff) {
        return books(siteId, material).claimed.stream()
                .filter(lot -> lot.grade.equals(grade) && !lot.claimedAt.isAfter(cutoff))
                .toList();
    }

    /**
     * Accepted mass of the site's lots claimed by declarations at or before {@code cutoff} (within
     * the horizon): intake the alert rules surely have graded, since they judged those declarations.
     */
    double claimedKgBefore(String siteId, Material material, Instant cutoff) {
        Books b = books(siteId, material);
        return b.claimedKg - after(b.recentlyClaimed, cutoff);
    }

    /** Accepted mass of every lot, open ones included: the most grading can have seen. */
    double acceptedKg(String siteId, Material material) {
        return books(siteId, material).acceptedKg;
    }

    /** Mass declared from a site for a material so far. */
    double declaredKg(String siteId, Material material) {
        return books(siteId, material).declaredKg;
    }

    /** Mass declared from a site for a material at or before {@code cutoff} (within the horizon). */
    double declaredKgBefore(String siteId, Material material, Instant cutoff) {
        Books b = books(siteId, material);
        return b.declaredKg - after(b.recentlyDeclared, cutoff);
    }

    /** Books an accepted declaration: its mass against the site's material, its lots as claimed. */
    void declared(String declarationId, String siteId, Material material, double massKg, List<Lot> claims, Instant now) {
        Books b = books(siteId, material);
        b.declaredKg += massKg;
        b.recentlyDeclared.addLast(new Entry(massKg, now));
        forget(b.recentlyDeclared, now);
        for (Lot lot : claims) {
            lot.claimedBy = declarationId;
            lot.claimedAt = now;
            Books owner = books(lot.siteId, lot.material);
            owner.claimedKg += lot.acceptedKg;
            owner.recentlyClaimed.addLast(new Entry(lot.acceptedKg, now));
            forget(owner.recentlyClaimed, now);
            owner.unclaimed.remove(lot);
            owner.claimed.addLast(lot);
            if (owner.claimed.size() > CLAIMED_KEPT) {
                owner.claimed.removeFirst();
            }
        }
    }

    private Books books(String siteId, Material material) {
        return books.computeIfAbsent(siteId + "|" + material, k -> new Books());
    }

    private static double after(Deque<Entry> recent, Instant cutoff) {
        return recent.stream().filter(entry -> entry.at().isAfter(cutoff)).mapToDouble(Entry::kg).sum();
    }

    private static void forget(Deque<Entry> recent, Instant now) {
        Instant horizon = now.minus(HORIZON);
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(horizon)) {
            recent.removeFirst();
        }
    }
}
