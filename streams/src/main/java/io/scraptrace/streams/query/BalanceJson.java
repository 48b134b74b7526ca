package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.balance.SiteBalance;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The contract JSON of a site's mass balance: per material, graded intake minus declared exports,
 * and per grade the same where declarations named a grade. Material-level exports include
 * declarations without a grade, so the grade rows of a material need not add up to its row.
 */
public final class BalanceJson {
    private BalanceJson() {
    }

    /** The balance of {@code siteId}. */
    public static JsonNode render(String siteId, SiteBalance balance) {
        GradeCatalogue catalogue = GradeCatalogue.get();
        Map<String, TreeSet<String>> gradesByMaterial = new TreeMap<>();
        balance.intakeKgByGrade().keySet().forEach(g -> gradesByMaterial.computeIfAbsent(catalogue.materialOf(g).name(), m -> new TreeSet<>()).add(g));
        balance.exportedKgByGrade().keySet().forEach(g -> gradesByMaterial.computeIfAbsent(catalogue.materialOf(g).name(), m -> new TreeSet<>()).add(g));
        balance.exportedKgByMaterial().keySet().forEach(m -> gradesByMaterial.computeIfAbsent(m, k -> new TreeSet<>()));

        ObjectNode node = ApiServer.JSON.createObjectNode().put("siteId", siteId);
        double intake = sum(balance.intakeKgByGrade());
        double exported = sum(balance.exportedKgByMaterial());
        node.put("intakeKg", intake).put("exportedKg", exported).put("availableKg", intake - exported)
                .put("readings", balance.readings()).put("declarations", balance.declarations());
        ArrayNode materials = node.putArray("materials");
        gradesByMaterial.forEach((material, grades) -> {
            double materialIntake = grades.stream().mapToDouble(g -> balance.intakeKgByGrade().getOrDefault(g, 0.0)).sum();
            double materialExported = balance.exportedKgByMaterial().getOrDefault(material, 0.0);
            ObjectNode row = materials.addObject().put("material", material);
            amounts(row, materialIntake, materialExported);
            ArrayNode gradeRows = row.putArray("grades");
            grades.forEach(grade -> amounts(gradeRows.addObject().put("grade", grade),
                    balance.intakeKgByGrade().getOrDefault(grade, 0.0), balance.exportedKgByGrade().getOrDefault(grade, 0.0)));
        });
        return node;
    }

    private static void amounts(ObjectNode row, double intakeKg, double exportedKg) {
        row.put("intakeKg", intakeKg).put("exportedKg", exportedKg).put("availableKg", intakeKg - exportedKg);
    }

    private static double sum(Map<String, Double> kg) {
        return kg.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
