package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.AlertReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsufficientEvidenceTest extends AlertsTestBase {
    private static final String CODE = "INSUFFICIENT_EVIDENCE";

    @Test
    void aMisgradedHalfUncertainLotIsInspectedNotAccused() {
        // Clean sheet offcuts under their proper 7204.41, half of them graded UNCERTAIN and the rest taken for shred.
        fx.grade("S1", "L1", "FE_SHRED_A", 500);
        fx.grade("S1", "L1", "UNCERTAIN", 500);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setHsCode("7204.41").setDeclaredGrade("FE_NEW_CUT"));

        AlertReason reason = assertFires("D1", CODE);
        assertEquals(1, reason.getSeverity());
        assertMentions(reason, "inspect");
        assertEquals(0.5, reason.getEvidence().getStrength().getGradedShare(), 1e-9);
        assertEquals(0.5, reason.getEvidence().getStrength().getUncertainShare(), 1e-9);
        assertEquals(List.of(CODE), AlertsFixture.codes(fx.alertOf("D1")));
    }

    @Test
    void enoughConfidentMassJudges() {
        fx.grade("S1", "L1", "FE_SHRED_A", 850);
        fx.grade("S1", "L1", "UNCERTAIN", 150);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setHsCode("7204.41").setDeclaredGrade("FE_SHRED_A"));

        assertFires("D1", "HS_CODE_MISMATCH");
        assertQuiet("D1", CODE);
    }

    @Test
    void uncertainMassBehindAnHonestDeclarationIsNoFinding() {
        fx.grade("S1", "L1", "FE_H1", 400);
        fx.grade("S1", "L1", "UNCERTAIN", 600);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setDeclaredGrade("FE_H1"));

        assertEquals(0, fx.alertOf("D1").getSeverity(), () -> "unexpected " + fx.alertOf("D1").getReasons());
    }

    @Test
    void lotsGradedOnlyUncertainAreInspected() {
        fx.grade("S1", "L1", "UNCERTAIN", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1"));

        assertFires("D1", CODE);
    }

    @Test
    void theShareIsConfigurable() {
        try (AlertsFixture lax = new AlertsFixture(stateDir.resolve("lax"), Map.of("alerts.evidence.min.graded.share", "0.4"))) {
            lax.site("S1");
            lax.grade("S1", "L1", "FE_SHRED_A", 500);
            lax.grade("S1", "L1", "UNCERTAIN", 500);
            lax.declare(declaration("D1", "S1", 1_000, "L1").setHsCode("7204.41").setDeclaredGrade("FE_SHRED_A"));

            assertEquals(List.of("HS_CODE_MISMATCH"), AlertsFixture.codes(lax.alertOf("D1")));
        }
    }
}
