package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.Material;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnderDeclaredGradeTest extends AlertsTestBase {
    private static final String CODE = "UNDER_DECLARED_GRADE";

    @Test
    void copperDeclaredAsMixedMetalFires() {
        fx.grade("S1", "L1", "CU_NO1", 700);
        fx.grade("S1", "L2", "CU_NO1", 200);
        fx.grade("S1", "L2", "MIXED_NF", 100);
        fx.declare(declaration("D1", "S1", 1_000, "L1", "L2").setDeclaredMaterial(Material.MIXED_METAL).setHsCode("7404.00"));

        AlertReason reason = assertFires("D1", CODE);
        assertEquals(4, reason.getSeverity());
        assertEquals(List.of("L1", "L2"), reason.getEvidence().getIds());
        assertEquals(900, reason.getEvidence().getFigures().get("measuredKg.CU_NO1"), 1e-9);
        assertEquals(100, reason.getEvidence().getFigures().get("measuredKg.MIXED_NF"), 1e-9);
        assertEquals(1_000, reason.getEvidence().getFigures().get("declaredMassKg"), 1e-9);
        assertMentions(reason, "MIXED_METAL");
        assertEquals("CU_NO1", fx.alertOf("D1").getMeasuredGrade());
    }

    @Test
    void lowGradeDeclaredForHighGradeLotsFires() {
        fx.grade("S1", "L1", "FE_HS", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setDeclaredGrade("FE_H2"));

        assertMentions(assertFires("D1", CODE), "FE_H2");
    }

    @Test
    void hsCodeNotCoveringTheMeasuredGradeFires() {
        fx.grade("S1", "L1", "FE_NEW_CUT", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setHsCode("7204.10"));

        assertMentions(assertFires("D1", CODE), "7204.10");
    }

    @Test
    void declaredExactlyAsMeasuredIsANearMiss() {
        fx.grade("S1", "L1", "CU_NO1", 700);
        fx.grade("S1", "L1", "CU_NO2", 300);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setDeclaredMaterial(Material.COPPER).setHsCode("7404.00").setDeclaredGrade("CU_NO1"));

        assertQuiet("D1", CODE);
    }

    @Test
    void uncertainMassDoesNotOutweighAGradedMinority() {
        fx.grade("S1", "L1", "UNCERTAIN", 800);
        fx.grade("S1", "L1", "FE_H1", 200);
        fx.declare(declaration("D1", "S1", 1_000, "L1"));

        assertQuiet("D1", CODE);
        assertEquals("FE_H1", fx.alertOf("D1").getMeasuredGrade());
    }
}
