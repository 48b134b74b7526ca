package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.AlertReason;
import org.junit.jupiter.api.Test;

class UnregisteredSiteTest extends AlertsTestBase {
    private static final String CODE = "UNREGISTERED_SITE";

    @Test
    void unknownSiteFiresWithSeverityThreeAndRegionUnknown() {
        fx.grade("S9", "L1", "FE_H1", 1_000);
        fx.declare(declaration("D1", "S9", 1_000, "L1"));

        AlertReason reason = assertFires("D1", CODE);
        assertEquals(3, reason.getSeverity());
        assertEquals("UNKNOWN", fx.alertOf("D1").getRegion());
    }

    @Test
    void unlicensedSiteFiresWithSeverityFive() {
        fx.site("S2", false, null);
        fx.grade("S2", "L1", "FE_H1", 1_000);
        fx.declare(declaration("D1", "S2", 1_000, "L1"));

        assertEquals(5, assertFires("D1", CODE).getSeverity());
        assertEquals(5, fx.alertOf("D1").getSeverity());
    }

    @Test
    void licenceExpiredTheDayBeforeFires() {
        fx.site("S2", true, "2026-05-31");
        fx.grade("S2", "L1", "FE_H1", 1_000);
        fx.declare(declaration("D1", "S2", 1_000, "L1"));

        AlertReason reason = assertFires("D1", CODE);
        assertEquals(5, reason.getSeverity());
        assertEquals(1, reason.getEvidence().getFigures().get("daysExpired"), 1e-9);
    }

    @Test
    void licenceExpiringOnTheDeclarationDateIsANearMiss() {
        fx.site("S2", true, "2026-06-01");
        fx.grade("S2", "L1", "FE_H1", 1_000);
        fx.declare(declaration("D1", "S2", 1_000, "L1"));

        assertQuiet("D1", CODE);
    }

    @Test
    void unreadableLicenceExpiryFiresInsteadOfStoppingTheChecks() {
        fx.site("S2", true, "31.05.2026");
        fx.grade("S2", "L1", "FE_H1", 1_000);
        fx.declare(declaration("D1", "S2", 1_000, "L1"));

        AlertReason reason = assertFires("D1", CODE);
        assertEquals(5, reason.getSeverity());
        assertMentions(reason, "31.05.2026");
    }
}
