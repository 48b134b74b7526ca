package io.scraptrace.streams.kpis;

import static io.scraptrace.streams.testing.Records.graded;
import static io.scraptrace.streams.testing.Records.site;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.BaselConsent;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Material;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.streams.testing.Records;
import io.scraptrace.streams.testing.ViewsDriver;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KPI figures of a known year equal the sums worked out by hand below, including a black-mass
 * export to a destination without consent, one with consent, and a resent reading.
 */
class KpisTopologyTest {
    private static final Instant NOV = Instant.parse("2026-11-10T08:00:00Z");
    private static final Instant OCT = Instant.parse("2026-10-15T08:00:00Z");
    private static final Instant AS_OF = Instant.parse("2026-11-30T00:00:00Z");
    private static final Map<String, Double> NMC_A = Map.of("Li", 3.5, "Ni", 20.0, "Co", 6.5);
    private static final Map<String, Double> NMC_B = Map.of("Li", 3.0, "Ni", 18.0, "Co", 5.0);

    @TempDir
    Path state;

    @Test
    void figuresEqualTheHandComputedSums() {
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.register(site("S1", "JP-13"));
            views.register(site("S2", "JP-14"));
            Topic<String, BaselConsent> consents = views.config.topics().consents;
            views.driver.createInputTopic(consents.name(), consents.keySerde().serializer(), consents.valueSerde().serializer())
                    .pipeInput("PIC-KR", BaselConsent.newBuilder().setConsentId("PIC-KR").setExporterId(null).setDestination("KR")
                            .setMaterial(Material.BLACK_MASS).setValidFrom(null).setValidUntil(null).build());

            views.grade(graded("e1", "S1", "L1", "FE_HS", 1000, NOV));
            views.grade(graded("e2", "S1", "L1", "FE_HS", 500, NOV.plusSeconds(60)));
            views.grade(graded("e1", "S1", "L1", "FE_HS", 1000, NOV.plusSeconds(90)));
            views.grade(graded("e3", "S1", "L2", "BM_NMC", 200, NOV, NMC_A, 0.9));
            views.grade(graded("e4", "S1", "L3", "FE_H2", 800, NOV));
            views.grade(graded("e5", "S2", "L4", "FE_NEW_CUT", 300, NOV));
            views.grade(graded("e6", "S2", "L5", "BM_NMC", 100, NOV, NMC_B, 0.9));
            views.grade(graded("e7", "S1", "L6", "FE_HS", 400, OCT));

            Instant declared = NOV.plusSeconds(3600);
            views.declare(Records.declaration("D1", "S1", Material.FERROUS, "FE_HS", 600, List.of("L1"), declared));
            views.declare(blackMass("D2", "S1", "BM_NMC", 150, "L2", "CN", declared));
            views.declare(blackMass("D3", "S2", null, 80, "L5", "KR", declared));
            // A later reading of a declared lot re-judges D1: its export must replace, not add to, the first booking.
            views.grade(graded("e8", "S1", "L1", "FE_HS", 100, NOV.plusSeconds(7200)));

            JsonNode report = new KpiReport(Targets.load(ScrapTraceConfig.of(Map.of())), ZoneOffset.UTC)
                    .render(rows(views), 2026, AS_OF, true);
            JsonNode national = report.path("national");

            // High-grade ferrous: FE_HS 1000 + 500 + 100 (Nov) + 400 (Oct), FE_NEW_CUT 300 (resend of e1 not counted).
            double highGradeTonnes = (1000 + 500 + 100 + 400 + 300) / 1000.0;
            JsonNode iron = indicator(national, "highGradeIronScrap");
            assertEquals(highGradeTonnes, iron.path("yearToDateTonnes").asDouble(), 1e-9);
            // 2026-01-01 to 2026-11-30 is 333 of the year's 365 days.
            assertEquals(highGradeTonnes * 365 / 333, iron.path("runRateTonnesPerYear").asDouble(), 1e-9);
            assertEquals("2026-11", iron.path("month").asText());
            assertEquals((1000 + 500 + 100 + 300) / 1000.0, iron.path("monthTonnes").asDouble(), 1e-9);
            assertEquals("BEHIND", iron.path("status").asText());
            JsonNode october = iron.path("trend").get(9);
            assertEquals("2026-10", october.path("month").asText());
            assertEquals(0.4 * 365 / 31, october.path("runRateTonnesPerYear").asDouble(), 1e-9);
            assertEquals(11, iron.path("trend").size());

            // Contained metal in black mass: 200 kg at Li 3.5 / Ni 20 / Co 6.5 %, 100 kg at 3.0 / 18 / 5.0 %.
            assertEquals((7 + 3) / 1000.0, indicator(national, "lithiumInBlackMass").path("yearToDateTonnes").asDouble(), 1e-12);
            assertEquals((40 + 18) / 1000.0, indicator(national, "nickelInBlackMass").path("yearToDateTonnes").asDouble(), 1e-12);
            assertEquals((13 + 5) / 1000.0, indicator(national, "cobaltInBlackMass").path("yearToDateTonnes").asDouble(), 1e-12);

            // Retention: ferrous intake 1600 FE_HS(Nov) + 400 FE_HS(Oct) + 800 FE_H2 + 300 FE_NEW_CUT, 600 exported with consent not needed.
            JsonNode ferrous = national.path("retention").path("byMaterial").path("FERROUS");
            assertEquals(3100, ferrous.path("intakeKg").asDouble(), 1e-9);
            assertEquals(600, ferrous.path("exportedKg").asDouble(), 1e-9);
            assertEquals(2500.0 / 3100, ferrous.path("retentionRatio").asDouble(), 1e-12);
            assertEquals(0, ferrous.path("exportedWithoutConsentKg").asDouble(), 1e-12);
            // Black mass: 300 graded, 150 to CN without consent + 80 to KR with consent.
            JsonNode blackMass = national.path("retention").path("byMaterial").path("BLACK_MASS");
            assertEquals(300, blackMass.path("intakeKg").asDouble(), 1e-9);
            assertEquals(230, blackMass.path("exportedKg").asDouble(), 1e-9);
            assertEquals(70.0 / 300, blackMass.path("retentionRatio").asDouble(), 1e-12);
            assertEquals(150, blackMass.path("exportedWithoutConsentKg").asDouble(), 1e-9);
            assertEquals(150.0 / 230, blackMass.path("withoutConsentShare").asDouble(), 1e-12);
            JsonNode feHs = national.path("retention").path("byGrade").path("FE_HS");
            assertEquals(2000, feHs.path("intakeKg").asDouble(), 1e-9);
            assertEquals(1400.0 / 2000, feHs.path("retentionRatio").asDouble(), 1e-12);
            assertEquals(1.0, national.path("retention").path("byGrade").path("BM_NMC").path("withoutConsentShare").asDouble(), 1e-12);
            assertEquals(3, national.path("declarations").asLong());
            assertEquals(8, national.path("readings").asLong());

            // Regions: JP-13 holds S1's figures only, and no status (targets are national).
            JsonNode tokyo = report.path("regions").get(0);
            assertEquals("JP-13", tokyo.path("scope").asText());
            assertEquals((7) / 1000.0, indicator(tokyo, "lithiumInBlackMass").path("yearToDateTonnes").asDouble(), 1e-12);
            assertEquals(150, tokyo.path("retention").path("byMaterial").path("BLACK_MASS").path("exportedWithoutConsentKg").asDouble(), 1e-9);
            assertTrue(indicator(tokyo, "lithiumInBlackMass").path("status").isMissingNode());
            assertEquals(0, report.path("regions").get(1).path("retention").path("byMaterial").path("BLACK_MASS")
                    .path("exportedWithoutConsentKg").asDouble(), 1e-12);
        }
    }

    @Test
    void readingsOfOneHourAcrossAMonthEndInTheKpiZoneCountInTheirOwnMonths() {
        // 18:00-19:00 UTC is one hourly window of the aggregates, but 23:30 Oct 31 to 00:30 Nov 1 in India (UTC+05:30).
        Instant octoberInIndia = Instant.parse("2026-10-31T18:20:00Z");
        Instant novemberInIndia = Instant.parse("2026-10-31T18:40:00Z");
        try (ViewsDriver views = new ViewsDriver(state, Map.of(KpisTopology.ZONE, "Asia/Kolkata"))) {
            views.register(site("S1", "JP-13"));
            views.grade(graded("e1", "S1", "L1", "BM_NMC", 200, octoberInIndia, NMC_A, 0.9));
            views.grade(graded("e2", "S1", "L1", "BM_NMC", 100, novemberInIndia, NMC_B, 0.9));
            views.grade(graded("e3", "S1", "L1", "FE_HS", 50, novemberInIndia, Map.of("Fe", 99.0), 0.9));

            KeyValueStore<String, MonthlyTotals> store = views.keyValueStore(KpisTopology.STORE);
            MonthlyTotals october = store.get("JP-13|2026-10");
            MonthlyTotals november = store.get("JP-13|2026-11");
            assertEquals(Map.of("BM_NMC", 200.0), october.intakeKgByGrade());
            assertEquals(200 * 0.035, october.liKg(), 1e-12);
            assertEquals(1, october.readings());
            assertEquals(Map.of("BM_NMC", 100.0, "FE_HS", 50.0), november.intakeKgByGrade());
            assertEquals(100 * 0.18, november.niKg(), 1e-12);
            assertEquals(2, november.readings());
        }
    }

    private static ExportDeclaration blackMass(String id, String siteId, String grade, double kg, String lot, String destination, Instant at) {
        return ExportDeclaration.newBuilder(Records.declaration(id, siteId, Material.BLACK_MASS, grade, kg, List.of(lot), at))
                .setHsCode("8549.13").setDestination(destination).build();
    }

    private static List<MonthRow> rows(ViewsDriver views) {
        KeyValueStore<String, MonthlyTotals> store = views.keyValueStore(KpisTopology.STORE);
        List<MonthRow> rows = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(kv -> rows.add(MonthRow.fromJson(new MonthRow(MonthKey.region(kv.key), MonthKey.month(kv.key), kv.value).toJson())));
        }
        return rows;
    }

    private static JsonNode indicator(JsonNode scope, String id) {
        for (JsonNode indicator : scope.path("indicators")) {
            if (indicator.path("id").asText().equals(id)) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + id + " in " + scope);
    }
}
