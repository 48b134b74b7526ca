package io.scraptrace.sorter.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Material;
import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradeDeciderTest {
    private static final List<String> LABELS = List.of("FE_HS", "FE_H1", "CU_NO1");

    @Test
    void belowTheThresholdTheGradeIsUncertainButKeepsTheTopMaterial() {
        GradeDecider.Decision d = new GradeDecider(0.6, GradeCatalogue.get()).decide(LABELS, new double[] {0.5, 0.3, 0.2});
        assertEquals(Grade.UNCERTAIN, d.grade());
        assertEquals("FE_HS", d.topGrade());
        assertEquals(Material.FERROUS, d.material());
        assertFalse(d.highGrade(), "an uncertain grade never counts as high grade");
        assertEquals(0.5, d.confidence());
        assertEquals(0.3, d.probabilities().get("FE_H1"));
    }

    @Test
    void atOrAboveTheThresholdTheTopGradeWithItsCatalogueFlags() {
        GradeDecider decider = new GradeDecider(0.6, GradeCatalogue.get());
        GradeDecider.Decision high = decider.decide(LABELS, new double[] {0.7, 0.2, 0.1});
        assertEquals("FE_HS", high.grade());
        assertTrue(high.highGrade());
        GradeDecider.Decision copper = decider.decide(LABELS, new double[] {0.1, 0.3, 0.6});
        assertEquals("CU_NO1", copper.grade());
        assertEquals(Material.COPPER, copper.material());
        assertFalse(decider.decide(LABELS, new double[] {0.1, 0.8, 0.1}).highGrade());
    }

    @Test
    void theCatalogueOverrulesTheNetworkAndSaysWhy() {
        GradeDecider decider = new GradeDecider(0.6, GradeCatalogue.get());
        List<String> all = GradeCatalogue.get().codes();
        double[] favoursH1 = new double[all.size()];
        favoursH1[all.indexOf("FE_H1")] = 0.7;
        favoursH1[all.indexOf("FE_HS")] = 0.2;
        favoursH1[all.indexOf("AL_WROUGHT")] = 0.1;
        GradeDecider.Decision heavy = decider.decide(all, favoursH1.clone(), reading(Map.of("Fe", 98.5, "Mn", 0.7, "Cu", 0.12, "Sn", 0.008), 12));
        assertEquals("FE_HS", heavy.grade(), "Cu 0.12 cannot be H1 (Cu >= 0.20)");
        assertEquals(1.0, heavy.confidence(), 1e-9);
        assertNull(heavy.uncertainReason());

        GradeDecider.Decision stainless = decider.decide(all, favoursH1.clone(),
                reading(Map.of("Fe", 70.6, "Cr", 18.2, "Ni", 8.1, "Mn", 1.5), 3));
        assertEquals(Grade.UNCERTAIN, stainless.grade());
        assertTrue(stainless.uncertainReason().startsWith("fits no catalogue grade; nearest by the model FE_H1: "),
                stainless.uncertainReason());
    }

    @Test
    void aLowConfidenceDecisionSaysSo() {
        GradeDecider.Decision d = new GradeDecider(0.6, GradeCatalogue.get()).decide(LABELS, new double[] {0.5, 0.3, 0.2});
        assertEquals("confidence 0.50 below 0.60: FE_HS 0.50, FE_H1 0.30", d.uncertainReason());
    }

    private static Reading reading(Map<String, Double> composition, double thicknessMm) {
        return Reading.newBuilder().setEventId("e").setSiteId("s").setStationId("XRF-1").setLotId("l").setTimestamp(Instant.EPOCH)
                .setSensor(Sensor.XRF).setMassKg(10).setComposition(composition).setThicknessMm(thicknessMm).setMagneticFraction(0.99)
                .build();
    }

    @Test
    void rejectsAThresholdOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new GradeDecider(1.5, GradeCatalogue.get()));
    }
}
