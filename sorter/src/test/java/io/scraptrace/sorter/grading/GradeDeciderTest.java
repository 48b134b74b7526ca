package io.scraptrace.sorter.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.util.List;
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
    void rejectsAThresholdOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new GradeDecider(1.5, GradeCatalogue.get()));
    }
}
