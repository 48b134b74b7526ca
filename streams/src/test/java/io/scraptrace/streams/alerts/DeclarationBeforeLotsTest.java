package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Alert;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class DeclarationBeforeLotsTest extends AlertsTestBase {
    @Test
    void declarationIsHeldUntilItsLotsAreGradedThenCheckedClean() {
        fx.declare(declaration("D1", "S1", 2_000, "L1", "L2"));
        fx.grade("S1", "L1", "FE_H1", 1_000);
        assertTrue(fx.emitted().isEmpty(), "L2 not graded yet: no verdict");

        fx.grade("S1", "L2", "FE_H1", 1_000);
        List<KeyValue<String, Alert>> emitted = fx.emitted();
        assertEquals(1, emitted.size());
        assertEquals(0, emitted.get(0).value.getSeverity(), () -> "unexpected " + emitted.get(0).value.getReasons());
        assertEquals(2_000, emitted.get(0).value.getMeasuredMassKg(), 1e-9);
    }

    @Test
    void lotsGradedAfterTheWaitReplaceTheUntraceableVerdict() {
        fx.declare(declaration("D1", "S1", 1_000, "L1"));
        fx.advanceWallClock(AlertsFixture.LOT_WAIT.plusSeconds(1));
        assertFires("D1", "UNTRACEABLE_LOTS");

        fx.grade("S1", "L1", "FE_H1", 1_000);
        Alert latest = fx.alertOf("D1");
        assertEquals(0, latest.getSeverity(), () -> "re-check should clear it: " + latest.getReasons());
        List<KeyValue<String, Alert>> emitted = fx.emitted();
        assertEquals(2, emitted.size(), "the verdict at the deadline, then the re-check");
        assertEquals(latest, emitted.get(1).value);
    }

    @Test
    void furtherReadingsOfADeclaredLotUpdateTheMeasurement() {
        fx.grade("S1", "L1", "FE_H1", 1_000);
        fx.grade("S1", "L1", "FE_H1", 1_000);
        fx.declare(declaration("D1", "S1", 2_000, "L1"));
        fx.advanceWallClock(Duration.ofSeconds(2));
        fx.grade("S1", "L1", "CU_NO1", 3_000);

        Alert latest = fx.alertOf("D1");
        assertEquals("CU_NO1", latest.getMeasuredGrade());
        assertEquals(5_000, latest.getMeasuredMassKg(), 1e-9);
        assertFires("D1", "UNDER_DECLARED_GRADE");
    }
}
