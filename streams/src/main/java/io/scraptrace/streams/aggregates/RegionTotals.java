package io.scraptrace.streams.aggregates;

import io.scraptrace.avro.Material;
import io.scraptrace.avro.RegionAggregate;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The arithmetic of a {@link RegionAggregate}: one reading's contribution, and the sum of two.
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
        Map<String, Double> byMaterial = c.uncertain() ? Map.of() : Map.of(c.material(), tonnes);
        return RegionAggregate.newBuilder()
                .setRegion(region)
                .setWindow(window.label())
                .setWindowStart(start)
                .setTonnesByGrade(Map.of(c.grade(), tonnes))
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

    /** {@code total} with {@code delta} added: figures summed, the later update time kept; region, window and bounds from {@code total}. */
    public static RegionAggregate sum(RegionAggregate total, RegionAggregate delta) {
        Instant updated = later(total.getUpdatedAt(), delta.getUpdatedAt());
        // A fresh builder: newBuilder(total) would deep-copy every field only to overwrite most of them.
        return RegionAggregate.newBuilder()
                .setRegion(delta.getRegion())
                .setWindow(total.getWindow())
                .setWindowStart(total.getWindowStart())
                .setWindowEnd(total.getWindowEnd())
                .setTonnesByGrade(plus(total.getTonnesByGrade(), delta.getTonnesByGrade()))
                .setTonnesByMaterial(plus(total.getTonnesByMaterial(), delta.getTonnesByMaterial()))
                .setHighGradeTonnes(total.getHighGradeTonnes() + delta.getHighGradeTonnes())
                .setBlackMassTonnes(total.getBlackMassTonnes() + delta.getBlackMassTonnes())
                .setUncertainTonnes(total.getUncertainTonnes() + delta.getUncertainTonnes())
                .setLiTonnes(total.getLiTonnes() + delta.getLiTonnes())
                .setNiTonnes(total.getNiTonnes() + delta.getNiTonnes())
                .setCoTonnes(total.getCoTonnes() + delta.getCoTonnes())
                .setLots(total.getLots() + delta.getLots())
                .setReadings(total.getReadings() + delta.getReadings())
                .setUncertainReadings(total.getUncertainReadings() + delta.getUncertainReadings())
                .setConfidenceSum(total.getConfidenceSum() + delta.getConfidenceSum())
                .setUpdatedAt(updated)
                .build();
    }

    private static Map<String, Double> plus(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> sum = new HashMap<>(a);
        b.forEach((key, value) -> sum.merge(key, value, Double::sum));
        return sum;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
