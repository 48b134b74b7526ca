package io.scraptrace.streams.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.Evidence;
import io.scraptrace.avro.Material;
import io.scraptrace.schemas.json.AvroJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertFilterTest {
    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void listsOnlyAlertsWithReasonsUnlessMinSeverityIsZero() {
        Alert clean = alert("D1", "JP-13", "S1", T, List.of());
        AlertFilter byDefault = new AlertFilter(null, null, null, 1, Instant.EPOCH, QueryParams.LATEST, 100);
        AlertFilter everything = new AlertFilter(null, null, null, 0, Instant.EPOCH, QueryParams.LATEST, 100);
        assertFalse(byDefault.test(clean));
        assertTrue(everything.test(clean));
    }

    @Test
    void filtersByRegionSiteCodeSeverityAndTime() {
        Alert alert = alert("D2", "JP-13", "S1", T, List.of(reason("VALUE_OUTLIER", 2), reason("UNREGISTERED_SITE", 5)));
        assertTrue(new AlertFilter("JP-13", "S1", "VALUE_OUTLIER", 5, T, T, 10).test(alert));
        assertFalse(new AlertFilter("JP-14", null, null, 1, Instant.EPOCH, QueryParams.LATEST, 10).test(alert));
        assertFalse(new AlertFilter(null, "S2", null, 1, Instant.EPOCH, QueryParams.LATEST, 10).test(alert));
        assertFalse(new AlertFilter(null, null, "VOLUME_SPIKE", 1, Instant.EPOCH, QueryParams.LATEST, 10).test(alert));
        assertFalse(new AlertFilter(null, null, null, 1, T.plusMillis(1), QueryParams.LATEST, 10).test(alert));
        assertFalse(new AlertFilter(null, null, null, 1, Instant.EPOCH, T.minusMillis(1), 10).test(alert));
    }

    @Test
    void filtersByStatus() {
        Alert judged = alert("D3", "JP-13", "S1", T, List.of());
        Alert pending = Alert.newBuilder(judged).setStatus("PENDING").setLotsMissing(List.of("L1")).setLotsMissingCount(1).build();
        AlertFilter onlyPending = new AlertFilter(null, null, null, "PENDING", 0, Instant.EPOCH, QueryParams.LATEST, 10, null);
        assertTrue(onlyPending.test(pending));
        assertFalse(onlyPending.test(judged));
        assertTrue(new AlertFilter(null, null, null, "JUDGED", 0, Instant.EPOCH, QueryParams.LATEST, 10, null).test(judged));
        assertFalse(new AlertFilter(null, null, null, 1, Instant.EPOCH, QueryParams.LATEST, 10).test(pending),
                "a pending declaration has no reason yet: not among the alerts by default");
    }

    @Test
    void ordersNewestFirstAndBreaksTiesByDeclarationId() {
        List<JsonNode> nodes = new ArrayList<>(List.of(
                AvroJson.toJson(alert("D-b", "JP-13", "S1", T, List.of())),
                AvroJson.toJson(alert("D-old", "JP-13", "S1", T.minusSeconds(60), List.of())),
                AvroJson.toJson(alert("D-new", "JP-13", "S1", T.plusMillis(500), List.of())),
                AvroJson.toJson(alert("D-a", "JP-13", "S1", T, List.of()))));
        nodes.sort(AlertFilter.NEWEST_FIRST);
        assertEquals(List.of("D-new", "D-a", "D-b", "D-old"), nodes.stream().map(n -> n.path("declarationId").asText()).toList());
    }

    private static AlertReason reason(String code, int severity) {
        return AlertReason.newBuilder().setCode(code).setSeverity(severity).setDetail(code)
                .setEvidence(Evidence.newBuilder().setIds(List.of()).setFigures(Map.of()).build()).build();
    }

    private static Alert alert(String id, String region, String siteId, Instant at, List<AlertReason> reasons) {
        return Alert.newBuilder().setDeclarationId(id).setExporterId("E").setSiteId(siteId).setRegion(region).setPort("JP-13")
                .setDestination("VN").setHsCode("7204.49").setDeclaredMaterial(Material.FERROUS).setDeclaredMassKg(100)
                .setSeverity(reasons.stream().mapToInt(AlertReason::getSeverity).max().orElse(0)).setReasons(reasons)
                .setTimestamp(at).setCheckedAt(at).build();
    }
}
