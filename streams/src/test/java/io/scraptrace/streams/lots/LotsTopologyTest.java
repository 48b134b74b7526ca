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
}
