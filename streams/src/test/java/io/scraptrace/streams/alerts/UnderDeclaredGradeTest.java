package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.EvidenceStrength;
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
    void aHigherValueClassDeclaredThanMeasuredIsNoUnderDeclaration() {
        fx.grade("S1", "L1", "FE_H3_H4", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setDeclaredGrade("FE_H1"));

        assertQuiet("D1", CODE);
    }

    @Test
    void aWrongHsCodeAloneIsNotAnUnderDeclaredGrade() {
        fx.grade("S1", "L1", "FE_SHRED_A", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setHsCode("7204.41").setDeclaredGrade("FE_SHRED_A"));

        assertQuiet("D1", CODE);
        assertFires("D1", "HS_CODE_MISMATCH");
    }

    @Test
    void everyReasonCarriesTheEvidenceStrength() {
        fx.grade("S1", "L1", "FE_HS", 900);
        fx.grade("S1", "L1", "UNCERTAIN", 100);
        fx.declare(declaration("D1", "S1", 1_000, "L1").setDeclaredGrade("FE_H2"));

        EvidenceStrength strength = assertFires("D1", CODE).getEvidence().getStrength();
        assertEquals(0.9, strength.getGradedShare(), 1e-9);
        assertEquals(0.1, strength.getUncertainShare(), 1e-9);
        assertEquals(0.9, strength.getMeanConfidence(), 1e-9);
        assertEquals(List.of("test-1"), strength.getModelVersions());
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
