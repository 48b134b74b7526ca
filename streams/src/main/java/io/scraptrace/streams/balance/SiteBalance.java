package io.scraptrace.streams.balance;

import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.util.HashMap;
import java.util.Map;

/**
 * A site's graded intake and declared exports (item 3), or a change to them: one reading, one
 * declaration, or the sum of several, so intake and exports share one repartition by siteId.
 * Exports are kept per material, and also per grade when the declaration named one, because
 * declarations need not name a grade.
 *
 * @param intakeKgByGrade      graded mass per grade code
 * @param exportedKgByMaterial declared export mass per material
 * @param exportedKgByGrade    declared export mass per declared grade
 * @param readings             readings counted
 * @param declarations         declarations counted
 */
public record SiteBalance(Map<String, Double> intakeKgByGrade, Map<String, Double> exportedKgByMaterial,
                          Map<String, Double> exportedKgByGrade, long readings, long declarations) {

    public SiteBalance {
        intakeKgByGrade = Map.copyOf(intakeKgByGrade);
        exportedKgByMaterial = Map.copyOf(exportedKgByMaterial);
        exportedKgByGrade = Map.copyOf(exportedKgByGrade);
    }

    /** Nothing in, nothing out. */
    public static SiteBalance empty() {
        return new SiteBalance(Map.of(), Map.of(), Map.of(), 0, 0);
    }

    /** The intake of {@code readings} graded readings with {@code kgByGrade} (UNCERTAIN readings count under their grade code). */
    public static SiteBalance intake(Map<String, Double> kgByGrade, long readings) {
        return new SiteBalance(kgByGrade, Map.of(), Map.of(), readings, 0);
    }

    /** The export a declaration subtracts. */
    public static SiteBalance export(ExportDeclaration declaration) {
        String grade = declaration.getDeclaredGrade();
        double kg = declaration.getMassKg();
        return new SiteBalance(Map.of(), Map.of(declaration.getDeclaredMaterial().name(), kg), grade == null ? Map.of() : Map.of(grade, kg), 0, 1);
    }

    /** This balance and {@code other} together. */
    public SiteBalance plus(SiteBalance other) {
        return new SiteBalance(sum(intakeKgByGrade, other.intakeKgByGrade), sum(exportedKgByMaterial, other.exportedKgByMaterial),
                sum(exportedKgByGrade, other.exportedKgByGrade), readings + other.readings, declarations + other.declarations);
    }

    private static Map<String, Double> sum(Map<String, Double> a, Map<String, Double> b) {
        if (b.isEmpty()) {
            return a;
        }
        Map<String, Double> next = new HashMap<>(a);
        b.forEach((key, kg) -> next.merge(key, kg, Double::sum));
        return next;
    }
}
