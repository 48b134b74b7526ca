package io.scraptrace.streams.lineage;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResendTest {
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
    void aResendMonthsLaterIsStillRecognisedAndTheLineageKeepsOneTrace() {
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0));
            views.grade(graded("e2", "S1", "L1", "FE_HS", 50, T0.plusSeconds(30)));
            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0.plus(Duration.ofDays(90))));
            assertEquals(2, views.<LotState>keyValueStore(LotsTopology.STORE).get("L1").readings());
            assertEquals(150.0, views.<LotState>keyValueStore(LotsTopology.STORE).get("L1").massKg(), 1e-9);
            List<String> traced = new ArrayList<>();
            try (KeyValueIterator<String, ReadingTrace> it = views.<ReadingTrace>keyValueStore(LineageTopology.STORE)
                    .range(LineageTopology.firstKey("L1"), LineageTopology.lastKey("L1"))) {
                it.forEachRemaining(kv -> traced.add(kv.value.eventId()));
            }
            assertEquals(List.of("e1", "e2"), traced);
        }
    }
}
