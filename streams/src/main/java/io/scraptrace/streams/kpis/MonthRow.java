package io.scraptrace.streams.kpis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.core.http.ApiServer;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One region's totals of one month as JSON: what {@code GET /v1/kpis} lists under {@code months},
 * and what instances send each other when a query gathers the months from every partition.
 *
 * @param region ISO 3166-2 region, or UNKNOWN
 * @param month  the month
 * @param totals its totals
 */
public record MonthRow(String region, YearMonth month, MonthlyTotals totals) {
    /** This row as JSON. */
    public JsonNode toJson() {
        ObjectNode node = ApiServer.JSON.createObjectNode().put("region", region).put("month", month.toString());
        figures(node, "intakeKgByGrade", totals.intakeKgByGrade);
        node.put("liKg", totals.liKg).put("niKg", totals.niKg).put("coKg", totals.coKg).put("readings", totals.readings);
        figures(node, "exportedKgByMaterial", totals.exportedKgByMaterial);
        figures(node, "exportedKgByGrade", totals.exportedKgByGrade);
        figures(node, "withoutConsentKgByMaterial", totals.withoutConsentKgByMaterial);
        figures(node, "withoutConsentKgByGrade", totals.withoutConsentKgByGrade);
        node.put("declarations", totals.declarations);
        return node;
    }

    /** A row from {@link #toJson}. */
    public static MonthRow fromJson(JsonNode node) {
        return new MonthRow(node.path("region").asText(), YearMonth.parse(node.path("month").asText()),
                new MonthlyTotals(figures(node, "intakeKgByGrade"), node.path("liKg").asDouble(), node.path("niKg").asDouble(),
                        node.path("coKg").asDouble(), node.path("readings").asLong(), figures(node, "exportedKgByMaterial"),
                        figures(node, "exportedKgByGrade"), figures(node, "withoutConsentKgByMaterial"),
                        figures(node, "withoutConsentKgByGrade"), node.path("declarations").asLong()));
    }

    private static void figures(ObjectNode node, String field, Map<String, Double> figures) {
        ObjectNode object = node.putObject(field);
        new TreeMap<>(figures).forEach(object::put);
    }

    private static Map<String, Double> figures(JsonNode node, String field) {
        Map<String, Double> figures = new HashMap<>();
        node.path(field).fields().forEachRemaining(e -> figures.put(e.getKey(), e.getValue().asDouble()));
        return figures;
    }
}
