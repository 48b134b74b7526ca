package io.scraptrace.streams.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.streams.balance.SiteBalance;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalanceJsonTest {
    @Test
    void subtractsExportsPerMaterialAndPerDeclaredGrade() {
        SiteBalance balance = new SiteBalance(Map.of("FE_HS", 1000.0, "FE_H2", 500.0, "AL_CAST", 300.0),
                Map.of("FERROUS", 800.0, "COPPER", 50.0), Map.of("FE_HS", 200.0), 3, 3);

        JsonNode json = BalanceJson.render("S1", balance);

        assertEquals(1800.0, json.path("intakeKg").asDouble(), 1e-9);
        assertEquals(850.0, json.path("exportedKg").asDouble(), 1e-9);
        assertEquals(950.0, json.path("availableKg").asDouble(), 1e-9);
        Map<String, JsonNode> materials = new HashMap<>();
        json.path("materials").forEach(m -> materials.put(m.path("material").asText(), m));
        assertEquals(Map.of("ALUMINIUM", 300.0, "COPPER", -50.0, "FERROUS", 700.0),
                Map.of("ALUMINIUM", materials.get("ALUMINIUM").path("availableKg").asDouble(),
                        "COPPER", materials.get("COPPER").path("availableKg").asDouble(),
                        "FERROUS", materials.get("FERROUS").path("availableKg").asDouble()));
        assertEquals(1500.0, materials.get("FERROUS").path("intakeKg").asDouble(), 1e-9);
        Map<String, Double> ferrousGrades = new HashMap<>();
        materials.get("FERROUS").path("grades").forEach(g -> ferrousGrades.put(g.path("grade").asText(), g.path("availableKg").asDouble()));
        assertEquals(Map.of("FE_HS", 800.0, "FE_H2", 500.0), ferrousGrades);
        assertEquals(0, materials.get("COPPER").path("grades").size());
    }
}
