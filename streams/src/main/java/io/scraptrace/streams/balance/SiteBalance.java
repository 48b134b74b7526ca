package io.scraptrace.streams.balance;

import java.util.HashMap;
import java.util.Map;

/**
 * A site's graded intake and declared exports (item 3). Exports are kept per material, and also
 * per grade when the declaration named one, because declarations need not name a grade.
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

    /** The balance after {@code entry}. */
    public SiteBalance add(BalanceEntry entry) {
        if (entry.exportedKg() > 0) {
            Map<String, Double> byGrade = exportedKgByGrade;
            if (entry.grade() != null) {
                byGrade = plus(exportedKgByGrade, entry.grade(), entry.exportedKg());
            }
            return new SiteBalance(intakeKgByGrade, plus(exportedKgByMaterial, entry.material(), entry.exportedKg()), byGrade,
                    readings, declarations + 1);
        }
        return new SiteBalance(plus(intakeKgByGrade, entry.grade(), entry.intakeKg()), exportedKgByMaterial, exportedKgByGrade,
                readings + 1, declarations);
    }

    private static Map<String, Double> plus(Map<String, Double> map, String key, double kg) {
        Map<String, Double> next = new HashMap<>(map);
        next.merge(key, kg, Double::sum);
        return next;
    }
}
