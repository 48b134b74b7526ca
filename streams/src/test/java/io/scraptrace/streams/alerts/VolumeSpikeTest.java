package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.AlertReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VolumeSpikeTest extends AlertsTestBase {
    private static final String CODE = "VOLUME_SPIKE";

    @BeforeEach
    void history() {
        fx.grade("S1", "L1", "FE_H1", 1_000_000);
        // Exporter EXP-1's mean: (8 + 9 + 10 + 11 + 12) t / 5 = 10 t.
        for (int i = 0; i < 5; i++) {
            fx.declare(declaration("P" + i, "S1", 8_000 + 1_000 * i, "L1").setExporterId("EXP-1"));
        }
    }

    @Test
    void moreThanFourTimesTheMeanFires() {
        fx.declare(declaration("D1", "S1", 41_000, "L1").setExporterId("EXP-1"));

        AlertReason reason = assertFires("D1", CODE);
        assertEquals(3, reason.getSeverity());
        assertEquals(10_000, reason.getEvidence().getFigures().get("meanMassKg"), 1e-9);
        assertEquals(4.1, reason.getEvidence().getFigures().get("ratio"), 1e-9);
    }

    @Test
    void justUnderFourTimesIsANearMiss() {
        fx.declare(declaration("D1", "S1", 39_900, "L1").setExporterId("EXP-1"));

        assertQuiet("D1", CODE);
    }

    @Test
    void anotherExporterWithoutHistoryIsNotJudged() {
        fx.declare(declaration("D1", "S1", 41_000, "L1").setExporterId("EXP-2"));

        assertQuiet("D1", CODE);
    }
}
