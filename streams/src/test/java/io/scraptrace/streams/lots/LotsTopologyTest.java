package io.scraptrace.streams.lots;

import static io.scraptrace.streams.testing.Records.T0;
import static io.scraptrace.streams.testing.Records.graded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.scraptrace.avro.Material;
import io.scraptrace.streams.testing.ViewsDriver;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LotsTopologyTest {
    @TempDir
    Path state;

    @Test
    void foldsReadingsIntoTheLotAndIgnoresUncertainMassForTheDominantGrade() {
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0, Map.of("Fe", 99.0), 0.8));
            views.grade(graded("e2", "S1", "L1", "FE_HS", 50, T0.plusSeconds(10), Map.of("Fe", 99.0), 0.6));
            views.grade(graded("e3", "S1", "L1", "UNCERTAIN", 400, T0.plusSeconds(20), Map.of("Fe", 90.0), 0.3));
            views.grade(graded("e4", "S1", "L1", "FE_H2", 120, T0.plusSeconds(30), Map.of("Fe", 97.0), 0.9));
            views.grade(graded("e5", "S2", "L2", "AL_CAST", 10, T0, Map.of("Al", 85.0), 0.7));

            LotState lot = views.<LotState>keyValueStore(LotsTopology.STORE).get("L1");
            assertEquals("S1", lot.siteId());
            assertEquals(Map.of("FE_HS", 150.0, "UNCERTAIN", 400.0, "FE_H2", 120.0), lot.massKgByGrade());
            assertEquals(670.0, lot.massKg(), 1e-9);
            assertEquals(4, lot.readings());
            assertEquals((0.8 + 0.6 + 0.3 + 0.9) / 4, lot.meanConfidence(), 1e-9);
            assertEquals("FE_HS", lot.dominantGrade());
            assertEquals(Material.FERROUS, lot.material());
            assertEquals(T0.toEpochMilli(), lot.firstReadingAt());
            assertEquals(T0.plusSeconds(30).toEpochMilli(), lot.lastReadingAt());
            assertEquals(Set.of("model-7"), lot.modelVersions());
            assertEquals(1, views.<LotState>keyValueStore(LotsTopology.STORE).get("L2").readings());
            assertNull(views.<LotState>keyValueStore(LotsTopology.STORE).get("L3"));
        }
    }

    @Test
    void aLotGradedOnlyUncertainHasUncertainAsDominantGrade() {
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.grade(graded("e1", "S1", "L9", "UNCERTAIN", 30, T0));
            LotState lot = views.<LotState>keyValueStore(LotsTopology.STORE).get("L9");
            assertEquals("UNCERTAIN", lot.dominantGrade());
            assertEquals(Material.UNKNOWN, lot.material());
        }
    }

    @Test
    void keepsTheDigestOfTheFirstCopyOfEachReadingInArrivalOrderAndTheBatteryMetals() {
        var r1 = graded("e1", "S1", "L5", "BM_NMC", 200, T0, Map.of("Ni", 20.0, "Co", 6.5, "Li", 3.5), 0.9);
        var r2 = graded("e2", "S1", "L5", "BM_NMC", 100, T0.plusSeconds(5), Map.of("Ni", 18.0, "Co", 5.0, "Li", 3.0), 0.7);
        var resentAltered = graded("e1", "S1", "L5", "BM_LFP", 999, T0.plusSeconds(9), Map.of("Li", 4.0), 0.5);
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.grade(r1);
            views.grade(r2);
            views.grade(resentAltered);
            LotState lot = views.<LotState>keyValueStore(LotsTopology.STORE).get("L5");
            assertEquals(LotDigest.initial().next(r1).next(r2), lot.digest());
            assertEquals(200 * 0.035 + 100 * 0.03, lot.containedKg("Li"), 1e-9);
            assertEquals(200 * 0.20 + 100 * 0.18, lot.containedKg("Ni"), 1e-9);
            assertEquals(200 * 0.065 + 100 * 0.05, lot.containedKg("Co"), 1e-9);
            assertEquals((200 * 0.9 + 100 * 0.7) / 300, lot.confidence(), 1e-9);
        }
    }
}
