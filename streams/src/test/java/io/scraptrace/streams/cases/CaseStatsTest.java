package io.scraptrace.streams.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.Case;
import io.scraptrace.avro.CaseStatus;
import io.scraptrace.avro.Evidence;
import io.scraptrace.avro.Material;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseStatsTest {
    private static final Principal REGULATOR = new Principal("r", Role.REGULATOR, Set.of("*"));
    private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void rowsOfSeveralInstancesSumToCountsAndConfirmedSharesPerCode() {
        CaseStats first = new CaseStats();
        first.add(alert("D1", "UNDER_DECLARED_GRADE", "MASS_BALANCE_EXCEEDED"), decided("D1", CaseStatus.CONFIRMED));
        first.add(alert("D2", "UNDER_DECLARED_GRADE"), decided("D2", CaseStatus.CLEARED));
        CaseStats second = new CaseStats();
        second.add(alert("D3", "UNDER_DECLARED_GRADE"), decided("D3", CaseStatus.CLEARED));
        second.add(alert("D4", "MASS_BALANCE_EXCEEDED"), null);
        List<JsonNode> rows = new ArrayList<>(first.rows());
        rows.addAll(second.rows());

        JsonNode summary = CaseStats.summary(rows);

        assertEquals(4, summary.path("alerts").asLong(), "each alert once in the totals, whatever its codes");
        assertEquals(1, summary.path("byCaseStatus").path("OPEN").asLong());
        assertEquals(2, summary.path("byCaseStatus").path("CLEARED").asLong());
        assertEquals(1.0 / 3, summary.path("confirmedShare").asDouble(), 1e-12);
        JsonNode grade = code(summary, "UNDER_DECLARED_GRADE");
        assertEquals(3, grade.path("alerts").asLong());
        assertEquals(0, grade.path("byCaseStatus").path("INVESTIGATING").asLong());
        assertEquals(1.0 / 3, grade.path("confirmedShare").asDouble(), 1e-12);
        JsonNode balance = code(summary, "MASS_BALANCE_EXCEEDED");
        assertEquals(2, balance.path("alerts").asLong());
        assertEquals(1.0, balance.path("confirmedShare").asDouble(), 1e-12);
    }

    @Test
    void theShareIsUnknownUntilACaseIsDecided() {
        CaseStats stats = new CaseStats();
        stats.add(alert("D1", "VALUE_OUTLIER"), CaseWorkflow.apply("D1", null, CaseStatus.INVESTIGATING, "look", REGULATOR, T));
        JsonNode summary = CaseStats.summary(stats.rows());
        assertTrue(code(summary, "VALUE_OUTLIER").path("confirmedShare").isNull());
        assertEquals(1, code(summary, "VALUE_OUTLIER").path("byCaseStatus").path("INVESTIGATING").asLong());
    }

    private static JsonNode code(JsonNode summary, String code) {
        for (JsonNode node : summary.path("codes")) {
            if (node.path("code").asText().equals(code)) {
                return node;
            }
        }
        throw new AssertionError("no " + code + " in " + summary);
    }

    private static Case decided(String id, CaseStatus decision) {
        Case investigating = CaseWorkflow.apply(id, null, CaseStatus.INVESTIGATING, "look", REGULATOR, T);
        return CaseWorkflow.apply(id, investigating, decision, "decided", REGULATOR, T.plusSeconds(1));
    }

    private static Alert alert(String id, String... codes) {
        List<AlertReason> reasons = new ArrayList<>();
        for (String code : codes) {
            reasons.add(AlertReason.newBuilder().setCode(code).setSeverity(3).setDetail(code)
                    .setEvidence(Evidence.newBuilder().setIds(List.of()).setFigures(Map.of()).build()).build());
        }
        return Alert.newBuilder().setDeclarationId(id).setExporterId("E").setSiteId("S1").setRegion("JP-13").setPort("JP-13")
                .setDestination("VN").setHsCode("7204.49").setDeclaredMaterial(Material.FERROUS).setDeclaredMassKg(1000)
                .setSeverity(3).setReasons(reasons).setTimestamp(T).setCheckedAt(T).build();
    }
}
