package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.Material;
import org.junit.jupiter.api.Test;

class HsCodeMismatchTest extends AlertsTestBase {
    private static final String CODE = "HS_CODE_MISMATCH";

    @Test
    void anotherHeadingIsSerious() {
        fx.grade("S1", "L1", "AL_WROUGHT", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setDeclaredMaterial(Material.ALUMINIUM).setHsCode("7204.49"));

        AlertReason reason = assertFires("D1", CODE);
        assertEquals(4, reason.getSeverity());
        assertMentions(reason, "7602.00");
        assertQuiet("D1", "UNDER_DECLARED_GRADE");
    }

    @Test
    void anotherSubheadingOfTheRightHeadingIsANote() {
        fx.grade("S1", "L1", "FE_NEW_CUT", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setHsCode("7204.10"));

        AlertReason reason = assertFires("D1", CODE);
        assertEquals(2, reason.getSeverity());
        assertMentions(reason, "7204.10");
    }

    @Test
    void aSubheadingTheGradeMayLegitimatelyUseIsNoFinding() {
        fx.grade("S1", "L1", "FE_NEW_CUT", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setHsCode("7204.41").setDeclaredGrade("FE_NEW_CUT"));

        assertQuiet("D1", CODE);
        assertEquals(0, fx.alertOf("D1").getSeverity(), () -> "unexpected " + fx.alertOf("D1").getReasons());
    }

    @Test
    void blackMassUnderTheUkRulingsHeadingIsNoFinding() {
        fx.consent("PIC-1", null, "VN", Material.BLACK_MASS, null, null);
        fx.grade("S1", "L1", "BM_NMC", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setDeclaredMaterial(Material.BLACK_MASS).setHsCode("2620.99"));

        assertQuiet("D1", CODE);
    }

    @Test
    void anotherMaterialIsTheUnderDeclarationsFindingNotASecondCode() {
        fx.grade("S1", "L1", "CU_NO1", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1"));

        assertFires("D1", "UNDER_DECLARED_GRADE");
        assertQuiet("D1", CODE);
    }
}
