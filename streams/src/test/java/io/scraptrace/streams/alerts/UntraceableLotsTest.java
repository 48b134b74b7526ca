package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.AlertReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UntraceableLotsTest extends AlertsTestBase {
    private static final String CODE = "UNTRACEABLE_LOTS";

    @Test
    void lotNeverGradedFiresOnceTheWaitRunsOut() {
        fx.grade("S1", "L1", "FE_H1", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1", "GHOST"));
        fx.advanceWallClock(AlertsFixture.LOT_WAIT.minusSeconds(5));
        assertEquals("PENDING", fx.alertOf("D1").getStatus(), "still waiting for GHOST to be graded");

        fx.advanceWallClock(Duration.ofSeconds(10));
        AlertReason reason = assertFires("D1", CODE);
        assertEquals(4, reason.getSeverity());
        assertEquals(List.of("GHOST"), reason.getEvidence().getIds());
        assertMentions(reason, "never graded");
    }

    @Test
    void lotGradedAtAnotherSiteFires() {
        fx.site("S2");
        fx.grade("S1", "L1", "FE_H1", 1_000);
        fx.grade("S2", "L2", "FE_H1", 1_000);
        fx.declare(declaration("D1", "S1", 1_000, "L1", "L2"));

        AlertReason reason = assertFires("D1", CODE);
        assertEquals(List.of("L2"), reason.getEvidence().getIds());
        assertMentions(reason, "S2");
    }

    @Test
    void lotAlreadyClaimedByAnEarlierDeclarationFiresOnlyForTheLaterOne() {
        fx.grade("S1", "L1", "FE_H1", 5_000);
        fx.grade("S1", "L2", "FE_H1", 5_000);
        fx.declare(declaration("D1", "S1", 2_000, "L1"));
        fx.declare(declaration("D2", "S1", 2_000, "L2", "L1"));

        assertQuiet("D1", CODE);
        AlertReason reason = assertFires("D2", CODE);
        assertEquals(List.of("L1"), reason.getEvidence().getIds());
        assertMentions(reason, "D1");
    }

    @Test
    void ownGradedLotsAreANearMiss() {
        fx.grade("S1", "L1", "FE_H1", 500);
        fx.grade("S1", "L2", "FE_H1", 500);
        fx.declare(declaration("D1", "S1", 1_000, "L1", "L2"));

        assertQuiet("D1", CODE);
    }

    @Test
    void theWaitIsConfigurable() {
        try (AlertsFixture quick = new AlertsFixture(stateDir.resolve("quick"), Map.of("alerts.lot.wait.ms", "60000"))) {
            quick.site("S1");
            quick.declare(declaration("D1", "S1", 1_000, "GHOST"));
            quick.advanceWallClock(Duration.ofSeconds(55));
            assertEquals("PENDING", quick.alertOf("D1").getStatus());
            quick.advanceWallClock(Duration.ofSeconds(10));
            assertEquals("JUDGED", quick.alertOf("D1").getStatus());
            assertTrue(AlertsFixture.codes(quick.alertOf("D1")).contains(CODE));
        }
    }
}
