package io.scraptrace.streams.balance;

import static io.scraptrace.streams.testing.Records.T0;
import static io.scraptrace.streams.testing.Records.declaration;
import static io.scraptrace.streams.testing.Records.graded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.scraptrace.avro.Material;
import io.scraptrace.streams.testing.ViewsDriver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BalanceTopologyTest {
    @TempDir
    Path state;

    @Test
    void subtractsEachDeclarationOnceFromItsOriginSite() {
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.grade(graded("e1", "S1", "L1", "FE_HS", 1000, T0));
            views.grade(graded("e2", "S1", "L1", "FE_H2", 500, T0.plusSeconds(1)));
            views.grade(graded("e3", "S1", "L2", "AL_CAST", 300, T0.plusSeconds(2)));
            views.grade(graded("e4", "S2", "L3", "CU_NO1", 70, T0.plusSeconds(3)));
            views.declare(declaration("D1", "S1", Material.FERROUS, null, 600, List.of("L1"), T0.plusSeconds(10)));
            views.declare(declaration("D2", "S1", Material.FERROUS, "FE_HS", 200, List.of("L1"), T0.plusSeconds(11)));
            views.declare(declaration("D1", "S1", Material.FERROUS, null, 600, List.of("L1"), T0.plusSeconds(12)));

            SiteBalance s1 = views.<SiteBalance>keyValueStore(BalanceTopology.STORE).get("S1");
            assertEquals(Map.of("FE_HS", 1000.0, "FE_H2", 500.0, "AL_CAST", 300.0), s1.intakeKgByGrade());
            assertEquals(Map.of("FERROUS", 800.0), s1.exportedKgByMaterial());
            assertEquals(Map.of("FE_HS", 200.0), s1.exportedKgByGrade());
            assertEquals(3, s1.readings());
            assertEquals(2, s1.declarations());
            SiteBalance s2 = views.<SiteBalance>keyValueStore(BalanceTopology.STORE).get("S2");
            assertEquals(Map.of("CU_NO1", 70.0), s2.intakeKgByGrade());
            assertEquals(Map.of(), s2.exportedKgByMaterial());
            assertNull(views.<SiteBalance>keyValueStore(BalanceTopology.STORE).get("S3"));
        }
    }
}
