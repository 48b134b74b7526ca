package io.scraptrace.streams.aggregates;

import io.scraptrace.avro.Material;
import io.scraptrace.avro.RegionAggregate;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The arithmetic of a {@link RegionAggregate}: starting one and adding a reading's contribution.
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

    /** {@code total} with {@code c} added. */
    public static RegionAggregate add(String region, RegionContribution c, RegionAggregate total) {
        double tonnes = c.massKg() / KG_PER_TONNE;
        Map<String, Double> byGrade = new HashMap<>(total.getTonnesByGrade());
        byGrade.merge(c.grade(), tonnes, Double::sum);
        Map<String, Double> byMaterial = new HashMap<>(total.getTonnesByMaterial());
        if (!c.uncertain()) {
            byMaterial.merge(c.material(), tonnes, Double::sum);
        }
        Instant graded = Instant.ofEpochMilli(c.gradedAt());
        Instant updated = total.getUpdatedAt() == null || graded.isAfter(total.getUpdatedAt()) ? graded : total.getUpdatedAt();
        return RegionAggregate.newBuilder(total)
                .setRegion(region)
                .setTonnesByGrade(byGrade)
                .setTonnesByMaterial(byMaterial)
                .setHighGradeTonnes(total.getHighGradeTonnes() + (c.highGrade() ? tonnes : 0.0))
                .setBlackMassTonnes(total.getBlackMassTonnes()
                        + (!c.uncertain() && Material.BLACK_MASS.name().equals(c.material()) ? tonnes : 0.0))
                .setUncertainTonnes(total.getUncertainTonnes() + (c.uncertain() ? tonnes : 0.0))
                .setLiTonnes(total.getLiTonnes() + c.liKg() / KG_PER_TONNE)
                .setNiTonnes(total.getNiTonnes() + c.niKg() / KG_PER_TONNE)
                .setCoTonnes(total.getCoTonnes() + c.coKg() / KG_PER_TONNE)
                .setLots(total.getLots() + (c.firstOfLot() ? 1 : 0))
                .setReadings(total.getReadings() + 1)
                .setUncertainReadings(total.getUncertainReadings() + (c.uncertain() ? 1 : 0))
                .setConfidenceSum(total.getConfidenceSum() + c.confidence())
                .setUpdatedAt(updated)
                .build();
    }
}
