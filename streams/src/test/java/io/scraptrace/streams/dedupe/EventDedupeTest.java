package io.scraptrace.streams.dedupe;

import static io.scraptrace.streams.testing.Records.T0;
import static io.scraptrace.streams.testing.Records.graded;
import static io.scraptrace.streams.testing.Records.site;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.streams.aggregates.AggregateWindow;
import io.scraptrace.streams.balance.BalanceTopology;
import io.scraptrace.streams.balance.SiteBalance;
import io.scraptrace.streams.lots.LotState;
import io.scraptrace.streams.lots.LotsTopology;
import io.scraptrace.streams.testing.ViewsDriver;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventDedupeTest {
    @TempDir
    Path state;

    @Test
    void aResentReadingIsCountedOnceByEveryView() {
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.register(site("S1", "JP-13"));
            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0));
            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0));
            views.grade(graded("e2", "S1", "L1", "FE_HS", 40, T0.plusSeconds(5)));
            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0.plusSeconds(60)));

            assertEquals(2, views.<LotState>keyValueStore(LotsTopology.STORE).get("L1").readings());
            RegionAggregate all = views.<RegionAggregate>keyValueStore(AggregateWindow.ALL.storeName()).get("JP-13");
            assertEquals(2, all.getReadings());
            assertEquals(0.14, all.getTonnesByGrade().get("FE_HS"), 1e-9);
            SiteBalance balance = views.<SiteBalance>keyValueStore(BalanceTopology.STORE).get("S1");
            assertEquals(Map.of("FE_HS", 140.0), balance.intakeKgByGrade());
        }
    }

    @Test
    void aResendOutsideTheDedupeWindowIsNoLongerRecognised() {
        try (ViewsDriver views = new ViewsDriver(state, Map.of("streams.dedupe.window.ms", "60000"))) {
            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0));
            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0.plusSeconds(30)));
            assertEquals(1, views.<LotState>keyValueStore(LotsTopology.STORE).get("L1").readings());
            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0.plusSeconds(200)));
            assertEquals(2, views.<LotState>keyValueStore(LotsTopology.STORE).get("L1").readings());
        }
    }
}
