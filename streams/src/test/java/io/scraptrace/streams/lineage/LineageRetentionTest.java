package io.scraptrace.streams.lineage;

import static io.scraptrace.streams.testing.Records.T0;
import static io.scraptrace.streams.testing.Records.graded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.scraptrace.streams.lots.LotState;
import io.scraptrace.streams.lots.LotsTopology;
import io.scraptrace.streams.testing.ViewsDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageRetentionTest {
    @TempDir
    Path state;

    @Test
    void pastTheRetentionALotKeepsItsTotalsAndAResendIsStillCountedOnce() {
        try (ViewsDriver views = new ViewsDriver(state, Map.of(LineageTopology.RETENTION_MS, String.valueOf(Duration.ofHours(1).toMillis())))) {
            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0));
            views.grade(graded("e2", "S1", "L1", "FE_HS", 50, T0.plusSeconds(30)));
            views.grade(graded("e3", "S1", "L2", "FE_HS", 70, T0.plus(Duration.ofHours(2))));
            views.driver.advanceWallClockTime(Sweeper.INTERVAL);

            KeyValueStore<String, ReadingTrace> lineage = views.keyValueStore(LineageTopology.STORE);
            assertEquals(List.of(true, true), expiredFlags(lineage, "L1"));
            assertEquals(List.of(false), expiredFlags(lineage, "L2"));
            assertEquals("e3", lineage.get(LineageTopology.key("L2", "e3")).eventId());

            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0));
            LotState lot = views.<LotState>keyValueStore(LotsTopology.STORE).get("L1");
            assertEquals(2, lot.readings());
            assertEquals(150.0, lot.massKg(), 1e-9);
        }
    }

    @Test
    void withoutARetentionEveryTraceIsKept() {
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0));
            views.grade(graded("e3", "S1", "L2", "FE_HS", 70, T0.plus(Duration.ofDays(400))));
            views.driver.advanceWallClockTime(Sweeper.INTERVAL);
            assertFalse(views.<ReadingTrace>keyValueStore(LineageTopology.STORE).get(LineageTopology.key("L1", "e1")).expired());
        }
    }

    private static List<Boolean> expiredFlags(KeyValueStore<String, ReadingTrace> lineage, String lotId) {
        List<Boolean> flags = new ArrayList<>();
        try (KeyValueIterator<String, ReadingTrace> it = lineage.range(LineageTopology.firstKey(lotId), LineageTopology.lastKey(lotId))) {
            it.forEachRemaining(kv -> flags.add(kv.value.expired()));
        }
        return flags;
    }
}
