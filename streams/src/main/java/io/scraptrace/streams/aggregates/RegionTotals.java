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

    /**
     * An empty running sum of {@code region}'s readings in {@code window} from {@code start} (null for
     * all-time), with maps a reading's share is added to in place.
     */
    public static RegionAggregate partial(String region, AggregateWindow window, Instant start) {
        return RegionAggregate.newBuilder()
                .setRegion(region)
                .setWindow(window.label())
                .setWindowStart(start)
                .setTonnesByGrade(new HashMap<>(8))
                .setTonnesByMaterial(new HashMap<>(8))
                .build();
    }

    /**
     * Adds what {@code c} contributes to {@code partial} in place and returns it; {@code partial} must
     * come from {@link #partial} (or a store read), so its maps are the caller's to change. Runs once
     * per reading, so it allocates nothing but a newer update time.
     */
    public static RegionAggregate addReading(RegionAggregate partial, RegionContribution c) {
        double tonnes = c.massKg() / KG_PER_TONNE;
        partial.getTonnesByGrade().merge(c.grade(), tonnes, Double::sum);
        if (!c.uncertain()) {
            partial.getTonnesByMaterial().merge(c.material(), tonnes, Double::sum);
        }
        partial.setHighGradeTonnes(partial.getHighGradeTonnes() + (c.highGrade() ? tonnes : 0.0));
        partial.setBlackMassTonnes(partial.getBlackMassTonnes()
                + (!c.uncertain() && Material.BLACK_MASS.name().equals(c.material()) ? tonnes : 0.0));
        partial.setUncertainTonnes(partial.getUncertainTonnes() + (c.uncertain() ? tonnes : 0.0));
        partial.setLiTonnes(partial.getLiTonnes() + c.liKg() / KG_PER_TONNE);
        partial.setNiTonnes(partial.getNiTonnes() + c.niKg() / KG_PER_TONNE);
        partial.setCoTonnes(partial.getCoTonnes() + c.coKg() / KG_PER_TONNE);
        partial.setLots(partial.getLots() + (c.firstOfLot() ? 1 : 0));
        partial.setReadings(partial.getReadings() + 1);
        partial.setUncertainReadings(partial.getUncertainReadings() + (c.uncertain() ? 1 : 0));
        partial.setConfidenceSum(partial.getConfidenceSum() + c.confidence());
        Instant updated = partial.getUpdatedAt();
        if (updated == null || updated.toEpochMilli() < c.gradedAt()) {
            partial.setUpdatedAt(Instant.ofEpochMilli(c.gradedAt()));
        }
        return partial;
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
