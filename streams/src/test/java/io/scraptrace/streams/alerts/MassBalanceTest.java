package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.Material;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MassBalanceTest extends AlertsTestBase {
    private static final String CODE = "MASS_BALANCE_EXCEEDED";

    /** 10 t of ferrous graded at S1 over four lots, 6 t of it already declared by D0. */
    @BeforeEach
    void stock() {
        fx.grade("S1", "L1", "FE_H1", 6_000);
        fx.grade("S1", "L2", "FE_H1", 2_000);
        fx.grade("S1", "L3", "FE_H1", 1_000);
        fx.grade("S1", "L4", "FE_H1", 1_000);
        fx.grade("S1", "L5", "AL_CAST", 50_000);
        // Intake of lots no declaration asked about reaches the site ledger on the flush timer.
        fx.advanceWallClock(Duration.ofSeconds(2));
        fx.declare(declaration("D0", "S1", 6_000, "L1"));
        assertQuiet("D0", CODE);
    }

    @Test
    void declaringMoreThanTheRemainingStockFires() {
        // Available 10 000 - 6 000 = 4 000 kg; with 5 % tolerance up to 4 200 kg pass.
        fx.declare(declaration("D1", "S1", 4_500, "L2"));

        AlertReason reason = assertFires("D1", CODE);
        assertEquals(4, reason.getSeverity());
        Map<String, Double> figures = reason.getEvidence().getFigures();
        assertEquals(4_500, figures.get("declaredMassKg"), 1e-9);
        assertEquals(10_000, figures.get("gradedIntakeKg"), 1e-9);
        assertEquals(6_000, figures.get("alreadyExportedKg"), 1e-9);
        assertEquals(4_000, figures.get("availableKg"), 1e-9);
    }

    @Test
    void withinTheToleranceIsANearMiss() {
        fx.declare(declaration("D1", "S1", 4_150, "L2"));

        assertQuiet("D1", CODE);
    }

    @Test
    void stockOfAnotherMaterialDoesNotCount() {
        fx.declare(declaration("D1", "S1", 4_500, "L2").setDeclaredMaterial(Material.ALUMINIUM).setHsCode("7602.00"));
        assertQuiet("D1", CODE);

        fx.declare(declaration("D2", "S1", 4_500, "L3"));
        assertFires("D2", CODE);
    }

    @Test
    void aLotCountsWhollyUnderItsDominantMaterial() {
        // L6: 900 kg copper and 100 kg misgraded as ferrous - a 1 t copper lot; later 2 t of ferrous
        // pieces make it a ferrous lot, re-booked from copper to ferrous.
        fx.grade("S1", "L6", "CU_NO2", 900);
        fx.grade("S1", "L6", "FE_H1", 100);
        fx.advanceWallClock(Duration.ofSeconds(2));
        fx.declare(declaration("D1", "S1", 1_040, "L6").setDeclaredMaterial(Material.COPPER).setHsCode("7404.00"));
        assertQuiet("D1", CODE);

        fx.grade("S1", "L7", "FE_H1", 2_000);
        fx.grade("S1", "L6", "FE_H1", 2_000);
        fx.advanceWallClock(Duration.ofSeconds(2));
        // Ferrous now 10 000 + 2 000 + 3 000 (L6) = 15 000 kg, 6 000 declared: 9 000 available.
        fx.declare(declaration("D2", "S1", 9_000, "L7"));
        assertQuiet("D2", CODE);
        fx.declare(declaration("D3", "S1", 200, "L2").setDeclaredMaterial(Material.COPPER).setHsCode("7404.00"));
        AlertReason copper = assertFires("D3", CODE);
        assertEquals(0, copper.getEvidence().getFigures().get("gradedIntakeKg"), 1e-9);
    }

    @Test
    void stockGradedOnlyUncertainMakesTheShortfallAnInspectNotAnAccusation() {
        // 4 000 kg available; L8 is 3 000 kg the sorter could not grade, so 4 500 kg may be honest.
        fx.grade("S1", "L8", "UNCERTAIN", 3_000);
        fx.advanceWallClock(Duration.ofSeconds(2));
        fx.declare(declaration("D1", "S1", 4_500, "L2"));

        assertQuiet("D1", CODE);
        AlertReason hold = assertFires("D1", "INSUFFICIENT_EVIDENCE");
        assertEquals(3_000, hold.getEvidence().getFigures().get("ungradedIntakeKg"), 1e-9);
        assertEquals(4_000, hold.getEvidence().getFigures().get("availableKg"), 1e-9);

        // Beyond what even the ungraded stock could cover, the shortfall is a finding again.
        fx.declare(declaration("D2", "S1", 8_000, "L3"));
        assertFires("D2", CODE);
    }
}
