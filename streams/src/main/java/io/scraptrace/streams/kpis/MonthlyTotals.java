package io.scraptrace.streams.kpis;

import io.scraptrace.avro.Material;
import io.scraptrace.streams.aggregates.RegionContribution;
import java.util.HashMap;
import java.util.Map;

/**
 * One region's totals for one month, or a change to them (one reading, one declaration, or the sum
 * of several): graded intake by grade, contained Li/Ni/Co in graded black mass, and declared exports
 * by material and by declared grade, with the part going to a destination without a valid Basel
 * consent. Mutable so combiners and the monthly store add in place; every instance is owned by one
 * processor at a time.
 */
public final class MonthlyTotals {
    final Map<String, Double> intakeKgByGrade;
    double liKg;
    double niKg;
    double coKg;
    long readings;
    final Map<String, Double> exportedKgByMaterial;
    final Map<String, Double> exportedKgByGrade;
    final Map<String, Double> withoutConsentKgByMaterial;
    final Map<String, Double> withoutConsentKgByGrade;
    long declarations;

    MonthlyTotals(Map<String, Double> intakeKgByGrade, double liKg, double niKg, double coKg, long readings,
                  Map<String, Double> exportedKgByMaterial, Map<String, Double> exportedKgByGrade,
                  Map<String, Double> withoutConsentKgByMaterial, Map<String, Double> withoutConsentKgByGrade, long declarations) {
        this.intakeKgByGrade = new HashMap<>(intakeKgByGrade);
        this.liKg = liKg;
        this.niKg = niKg;
        this.coKg = coKg;
        this.readings = readings;
        this.exportedKgByMaterial = new HashMap<>(exportedKgByMaterial);
        this.exportedKgByGrade = new HashMap<>(exportedKgByGrade);
        this.withoutConsentKgByMaterial = new HashMap<>(withoutConsentKgByMaterial);
        this.withoutConsentKgByGrade = new HashMap<>(withoutConsentKgByGrade);
        this.declarations = declarations;
    }

    /** Nothing yet. */
    public static MonthlyTotals empty() {
        return new MonthlyTotals(Map.of(), 0, 0, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(), 0);
    }

    /**
     * Adds a graded reading in place, {@code c} being what it contributes to its region: its mass
     * under its grade (UNCERTAIN included, so the intake is all that was graded), and, when its grade
     * is black mass, its contained Li/Ni/Co (wt% x mass).
     */
    public void addReading(RegionContribution c) {
        intakeKgByGrade.merge(c.grade(), c.massKg(), Double::sum);
        if (Material.BLACK_MASS.name().equals(c.material())) {
            liKg += c.liKg();
            niKg += c.niKg();
            coKg += c.coKg();
        }
        readings++;
    }

    /**
     * What a judged declaration adds: its declared mass under its declared material and (when named)
     * grade, and the same again as "without consent" when it went to a destination without one.
     */
    public static MonthlyTotals export(CountedExport export) {
        MonthlyTotals totals = empty();
        double kg = export.massKg();
        String material = export.material();
        String grade = export.grade();
        boolean withoutConsent = export.withoutConsent();
        totals.exportedKgByMaterial.put(material, kg);
        if (grade != null) {
            totals.exportedKgByGrade.put(grade, kg);
        }
        if (withoutConsent) {
            totals.withoutConsentKgByMaterial.put(material, kg);
            if (grade != null) {
                totals.withoutConsentKgByGrade.put(grade, kg);
            }
        }
        totals.declarations = 1;
        return totals;
    }

    /** Adds {@code other} to this in place and returns this. */
    public MonthlyTotals add(MonthlyTotals other) {
        other.intakeKgByGrade.forEach((k, v) -> intakeKgByGrade.merge(k, v, Double::sum));
        liKg += other.liKg;
        niKg += other.niKg;
        coKg += other.coKg;
        readings += other.readings;
        other.exportedKgByMaterial.forEach((k, v) -> exportedKgByMaterial.merge(k, v, Double::sum));
        other.exportedKgByGrade.forEach((k, v) -> exportedKgByGrade.merge(k, v, Double::sum));
        other.withoutConsentKgByMaterial.forEach((k, v) -> withoutConsentKgByMaterial.merge(k, v, Double::sum));
        other.withoutConsentKgByGrade.forEach((k, v) -> withoutConsentKgByGrade.merge(k, v, Double::sum));
        declarations += other.declarations;
        return this;
    }

    /** A new totals object that takes this one back out (to replace a declaration counted before). */
    public MonthlyTotals negated() {
        return new MonthlyTotals(negate(intakeKgByGrade), -liKg, -niKg, -coKg, -readings, negate(exportedKgByMaterial),
                negate(exportedKgByGrade), negate(withoutConsentKgByMaterial), negate(withoutConsentKgByGrade), -declarations);
    }

    private static Map<String, Double> negate(Map<String, Double> figures) {
        Map<String, Double> negated = new HashMap<>();
        figures.forEach((k, v) -> negated.put(k, -v));
        return negated;
    }

    /** Graded intake by grade code, kg. */
    public Map<String, Double> intakeKgByGrade() {
        return Map.copyOf(intakeKgByGrade);
    }

    /** Contained lithium in graded black mass, kg. */
    public double liKg() {
        return liKg;
    }

    /** Contained nickel in graded black mass, kg. */
    public double niKg() {
        return niKg;
    }

    /** Contained cobalt in graded black mass, kg. */
    public double coKg() {
        return coKg;
    }

    /** Readings counted. */
    public long readings() {
        return readings;
    }

    /** Declared exports by declared material, kg. */
    public Map<String, Double> exportedKgByMaterial() {
        return Map.copyOf(exportedKgByMaterial);
    }

    /** Declared exports by declared grade (declarations naming one), kg. */
    public Map<String, Double> exportedKgByGrade() {
        return Map.copyOf(exportedKgByGrade);
    }

    /** Of the exports, those to a destination without a valid consent, by material, kg. */
    public Map<String, Double> withoutConsentKgByMaterial() {
        return Map.copyOf(withoutConsentKgByMaterial);
    }

    /** Of the exports, those to a destination without a valid consent, by grade, kg. */
    public Map<String, Double> withoutConsentKgByGrade() {
        return Map.copyOf(withoutConsentKgByGrade);
    }

    /** Declarations counted. */
    public long declarations() {
        return declarations;
    }
}
