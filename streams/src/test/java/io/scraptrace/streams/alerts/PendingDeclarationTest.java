package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Alert;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingDeclarationTest extends AlertsTestBase {
    @Test
    void aDeclarationIsPendingFromItsArrivalWithEveryLotMissing() {
        fx.declare(declaration("D1", "S1", 2_000, "L1", "L2"));

        Alert pending = fx.alertOf("D1");
        assertEquals("PENDING", pending.getStatus());
        assertEquals(List.of("L1", "L2"), pending.getLotsMissing());
        assertEquals(2, pending.getLotsMissingCount());
        assertEquals(0, pending.getSeverity());
        assertTrue(pending.getReasons().isEmpty());
        assertNotNull(pending.getJudgeBy());
        assertTrue(fx.emitted().isEmpty(), "a pending declaration is not on the alerts topic");
    }

    @Test
    void theMissingLotsShrinkAsTheyAreGradedAndTheDeadlineIsTheLotWait() {
        fx.declare(declaration("D1", "S1", 2_000, "L1", "L2"));
        long arrived = fx.alertOf("D1").getJudgeBy().toEpochMilli() - AlertsFixture.LOT_WAIT.toMillis();
        fx.grade("S1", "L1", "FE_H1", 1_000);
        fx.advanceWallClock(Duration.ofSeconds(2));

        Alert pending = fx.alertOf("D1");
        assertEquals("PENDING", pending.getStatus());
        assertEquals(List.of("L2"), pending.getLotsMissing());
        assertEquals(1, pending.getLotsMissingCount());
        long judgeBy = pending.getJudgeBy().toEpochMilli();
        assertTrue(judgeBy >= arrived + AlertsFixture.LOT_WAIT.toMillis() && judgeBy <= arrived + AlertsFixture.LOT_WAIT.toMillis() + 2_000,
                () -> "judged by " + pending.getJudgeBy() + ", a lot wait after " + arrived);

        fx.grade("S1", "L2", "FE_H1", 1_000);
        Alert judged = fx.alertOf("D1");
        assertEquals("JUDGED", judged.getStatus());
        assertTrue(judged.getLotsMissing().isEmpty());
        assertEquals(1, fx.emitted().size());
    }

    @Test
    void aDeclarationResentAfterItsJudgementStaysJudged() {
        fx.grade("S1", "L1", "FE_H1", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1"));
        assertEquals("JUDGED", fx.alertOf("D1").getStatus());

        fx.declare(declaration("D1", "S1", 1_000, "L1"));
        assertEquals("JUDGED", fx.alertOf("D1").getStatus());
    }
}
