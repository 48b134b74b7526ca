package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.Material;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValueOutlierTest extends AlertsTestBase {
    private static final String CODE = "VALUE_OUTLIER";
    /** JPY per tonne of the five prior ferrous declarations; median 55 000. */
    private static final double[] PRIOR = {50_000, 53_000, 55_000, 58_000, 61_000};

    @BeforeEach
    void history() {
        fx.grade("S1", "L1", "FE_H1", 100_000);
        for (int i = 0; i < PRIOR.length; i++) {
            fx.declare(declaration("P" + i, "S1", 1_000, "L1").setValueJpy(PRIOR[i]));
        }
    }

    private void declarePerTonne(String id, double jpyPerTonne) {
        fx.declare(declaration(id, "S1", 2_000, "L1").setValueJpy(jpyPerTonne * 2));
    }

    @Test
    void farBelowTheMedianFires() {
        declarePerTonne("D1", 15_000);

        AlertReason reason = assertFires("D1", CODE);
        assertEquals(2, reason.getSeverity());
        assertEquals(55_000, reason.getEvidence().getFigures().get("medianPerTonneJpy"), 1e-9);
        assertEquals(15_000, reason.getEvidence().getFigures().get("valuePerTonneJpy"), 1e-9);
        assertEquals(5, reason.getEvidence().getFigures().get("samples"), 1e-9);
    }

    @Test
    void farAboveTheMedianFires() {
        declarePerTonne("D1", 170_000);

        assertFires("D1", CODE);
    }

    @Test
    void justInsideAThirdOfTheMedianIsANearMiss() {
        declarePerTonne("D1", 18_400);

        assertQuiet("D1", CODE);
    }

    @Test
    void anotherHsCodeHasItsOwnBaseline() {
        fx.grade("S1", "L2", "AL_CAST", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L2").setHsCode("7602.00").setValueJpy(15_000));

        assertQuiet("D1", CODE);
    }

    @Test
    void aBaselineOfFreeShipmentsJudgesNothing() {
        fx.grade("S1", "L2", "CU_NO1", 100_000);
        for (int i = 0; i < 5; i++) {
            fx.declare(declaration("F" + i, "S1", 1_000, "L2").setHsCode("7404.00").setDeclaredMaterial(Material.COPPER)
                    .setValueJpy(0));
        }
        fx.declare(declaration("D1", "S1", 1_000, "L2").setHsCode("7404.00").setDeclaredMaterial(Material.COPPER)
                .setValueJpy(1_250_000));

        assertQuiet("D1", CODE);
    }

    @Test
    void aResentDeclarationIsOneSampleOfTheBaseline() {
        fx.grade("S1", "L3", "AL_CAST", 100_000);
        for (int i = 0; i < 5; i++) {
            fx.declare(declaration("A1", "S1", 1_000, "L3").setHsCode("7602.00").setDeclaredMaterial(Material.ALUMINIUM)
                    .setValueJpy(260_000));
        }
        fx.declare(declaration("D1", "S1", 1_000, "L3").setHsCode("7602.00").setDeclaredMaterial(Material.ALUMINIUM)
                .setValueJpy(2_600_000));

        assertQuiet("D1", CODE);
    }
}
