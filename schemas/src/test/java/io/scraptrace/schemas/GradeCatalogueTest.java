package io.scraptrace.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.grades.Range;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue covers CONTRACT section 4 and its numbers are internally consistent. */
class GradeCatalogueTest {
    private final GradeCatalogue catalogue = GradeCatalogue.get();

    @Test
    void coversTheContractsGradeFamilies() {
        Map<Material, Long> perMaterial = catalogue.grades().stream().collect(Collectors.groupingBy(Grade::material, Collectors.counting()));
        assertTrue(perMaterial.get(Material.FERROUS) >= 4, "ferrous heavy and shredded grades");
        assertEquals(2, perMaterial.get(Material.ALUMINIUM), "wrought and cast");
        assertEquals(2, perMaterial.get(Material.COPPER), "No.1 and No.2");
        assertEquals(1, perMaterial.get(Material.MIXED_METAL));
        assertTrue(catalogue.codes().containsAll(List.of("BM_NMC", "BM_LCO", "BM_LFP", "BM_OFFSPEC")));
        assertFalse(catalogue.codes().contains(Grade.UNCERTAIN), "UNCERTAIN is not a model label");
    }

    @Test
    void highGradeFerrousIsDefinedByLowTrampCopperAndTin() {
        for (Grade g : catalogue.grades()) {
            if (g.material() != Material.FERROUS) {
                continue;
            }
            double cu = g.limits().get("Cu");
            double sn = g.limits().get("Sn");
            if (g.highGrade()) {
                assertTrue(cu <= 0.20 && sn <= 0.020, g.code() + " is high grade so its tramp limits must be low");
            } else {
                assertTrue(cu > 0.20 || sn > 0.020, g.code() + " is not high grade yet has high-grade limits");
            }
            assertTrue(g.composition().get("Cu").max() <= cu + 1e-9, g.code() + " composition stays within its Cu limit");
        }
    }

    @Test
    void publishedCriteriaHold() {
        // JFRMA thickness classes: HS/H1 >= 6 mm, H2 3-6 mm, H3/H4 under 3 mm.
        assertEquals(6.0, grade("FE_HS").thicknessMm().min());
        assertEquals(6.0, grade("FE_H1").thicknessMm().min());
        assertEquals(3.0, grade("FE_H2").thicknessMm().min());
        assertEquals(6.0, grade("FE_H2").thicknessMm().max());
        assertEquals(3.0, grade("FE_H3_H4").thicknessMm().max());
        // EU-27 E3 (old thick steel): Sn <= 0.010 %.
        assertTrue(grade("FE_HS").composition().get("Sn").max() <= 0.010 && grade("FE_HS").limits().get("Sn") <= 0.010);
        // Market black-mass payable specifications cap Cu and Al at 2 %; off-spec black mass is above them.
        for (String code : List.of("BM_NMC", "BM_LCO", "BM_LFP")) {
            assertTrue(grade(code).composition().get("Cu").max() <= 2.0 && grade(code).composition().get("Al").max() <= 2.0, code);
        }
        assertEquals(2.0, grade("BM_OFFSPEC").composition().get("Cu").min());
    }

    @Test
    void everyRangeIsOrderedAndEverySourceIsCited() {
        Set<String> sources = catalogue.sources().keySet();
        for (Grade g : catalogue.grades()) {
            assertFalse(g.sources().isEmpty(), g.code() + " cites a source");
            assertTrue(sources.containsAll(g.sources()), g.code() + " cites only listed sources");
            assertFalse(g.hsCodes().isEmpty(), g.code() + " has HS codes");
            g.composition().forEach((element, range) -> assertOrdered(g.code() + "." + element, range));
            assertOrdered(g.code() + ".density", g.densityGcc());
            double typicalSum = g.composition().values().stream().mapToDouble(Range::typical).sum();
            assertTrue(typicalSum <= 100.5 && typicalSum > 30, g.code() + " typical composition sums to " + typicalSum);
        }
        assertTrue(catalogue.grades().stream().filter(g -> g.material() == Material.BLACK_MASS).allMatch(Grade::baselControlled));
    }

    @Test
    void valueClassesAreRanksAndHighGradesArePremium() {
        for (Grade g : catalogue.grades()) {
            assertTrue(g.valueClass() >= 1 && g.valueClass() <= 3, g.code() + " value class in 1..3, was " + g.valueClass());
            assertTrue(!g.highGrade() || g.valueClass() == 1, g.code() + " is high grade, so premium");
        }
        assertTrue(catalogue.valueClassOf(Grade.UNCERTAIN).isEmpty(), "UNCERTAIN has no value class");
    }

    private Grade grade(String code) {
        return catalogue.find(code).orElseThrow();
    }

    private static void assertOrdered(String what, Range r) {
        assertTrue(r.min() <= r.typical() && r.typical() <= r.max(), what + " min <= typical <= max");
    }
}
