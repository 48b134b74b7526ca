package io.scraptrace.streams.aggregates;

import io.scraptrace.avro.Material;
import io.scraptrace.avro.RegionAggregate;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The arithmetic of a {@link RegionAggregate}: one reading's contribution, and adding one to another.
 * UNCERTAIN mass is kept out of the per-material tonnes and counted in {@code uncertainTonnes}, so
 * material tonnes plus uncertain tonnes is the region's total; contained Li/Ni/Co come from the
 * measured composition and count whatever the grade.
 */
public final class RegionTotals {
    private static final double KG_PER_TONNE = 1000.0;

    private RegionTotals() {
    }

    /** An empty aggregate for {@code window} (region and window bounds are filled in on the way out). */
    public static RegionAggregate empty(AggregateWindow window) {
        return RegionAggregate.newBuilder().setRegion("").setWindow(window.label()).build();
    }

    /** {@code total} stamped with its window and bounds, as it is published and served. */
    public static RegionAggregate inWindow(RegionAggregate total, AggregateWindow window, Instant start) {
        RegionAggregate.Builder stamped = RegionAggregate.newBuilder(total).setWindow(window.label());
        if (window.windowed()) {
            stamped.setWindowStart(start).setWindowEnd(start.plus(window.size()));
        }
        return stamped.build();
    }

    /** The key aggregates are published under: {@code region|window|windowStart} (empty start for all-time). */
    public static String key(RegionAggregate stamped) {
        Instant start = stamped.getWindowStart();
        return stamped.getRegion() + "|" + stamped.getWindow() + "|" + (start == null ? "" : start.toString());
    }

    /** What {@code c} alone adds to {@code region}'s totals in {@code window}, starting at {@code start} (null for all-time). */
    public static RegionAggregate of(String region, RegionContribution c, AggregateWindow window, Instant start) {
        double tonnes = c.massKg() / KG_PER_TONNE;
        // Mutable maps: a reading's share becomes the combiner's running sum for its bucket.
        Map<String, Double> byGrade = new HashMap<>(4);
        byGrade.put(c.grade(), tonnes);
        Map<String, Double> byMaterial = new HashMap<>(4);
        if (!c.uncertain()) {
            byMaterial.put(c.material(), tonnes);
        }
        return RegionAggregate.newBuilder()
                .setRegion(region)
                .setWindow(window.label())
                .setWindowStart(start)
                .setTonnesByGrade(byGrade)
                .setTonnesByMaterial(byMaterial)
                .setHighGradeTonnes(c.highGrade() ? tonnes : 0.0)
                .setBlackMassTonnes(!c.uncertain() && Material.BLACK_MASS.name().equals(c.material()) ? tonnes : 0.0)
                .setUncertainTonnes(c.uncertain() ? tonnes : 0.0)
                .setLiTonnes(c.liKg() / KG_PER_TONNE)
                .setNiTonnes(c.niKg() / KG_PER_TONNE)
                .setCoTonnes(c.coKg() / KG_PER_TONNE)
                .setLots(c.firstOfLot() ? 1 : 0)
                .setReadings(1)
                .setUncertainReadings(c.uncertain() ? 1 : 0)
                .setConfidenceSum(c.confidence())
                .setUpdatedAt(Instant.ofEpochMilli(c.gradedAt()))
                .build();
    }

    /**
     * Adds {@code delta} to {@code total} in place and returns it: figures summed, the later update
     * time kept, the region taken from {@code delta}; window and bounds stay {@code total}'s. Per
     * reading this runs once per window, so it updates rather than copying every field and map: the
     * caller must own {@code total} (fresh, just read from a store, or a combiner's private sum).
     */
    public static RegionAggregate add(RegionAggregate total, RegionAggregate delta) {
        total.setRegion(delta.getRegion());
        total.setTonnesByGrade(plus(total.getTonnesByGrade(), delta.getTonnesByGrade()));
        total.setTonnesByMaterial(plus(total.getTonnesByMaterial(), delta.getTonnesByMaterial()));
        total.setHighGradeTonnes(total.getHighGradeTonnes() + delta.getHighGradeTonnes());
        total.setBlackMassTonnes(total.getBlackMassTonnes() + delta.getBlackMassTonnes());
        total.setUncertainTonnes(total.getUncertainTonnes() + delta.getUncertainTonnes());
        total.setLiTonnes(total.getLiTonnes() + delta.getLiTonnes());
        total.setNiTonnes(total.getNiTonnes() + delta.getNiTonnes());
        total.setCoTonnes(total.getCoTonnes() + delta.getCoTonnes());
        total.setLots(total.getLots() + delta.getLots());
        total.setReadings(total.getReadings() + delta.getReadings());
        total.setUncertainReadings(total.getUncertainReadings() + delta.getUncertainReadings());
        total.setConfidenceSum(total.getConfidenceSum() + delta.getConfidenceSum());
        total.setUpdatedAt(later(total.getUpdatedAt(), delta.getUpdatedAt()));
        return total;
    }

    /** {@code into} with {@code more} added, updated in place when it is a plain HashMap. */
    private static Map<String, Double> plus(Map<String, Double> into, Map<String, Double> more) {
        Map<String, Double> sum = into instanceof HashMap ? into : new HashMap<>(into);
        more.forEach((key, value) -> sum.merge(key, value, Double::sum));
        return sum;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
