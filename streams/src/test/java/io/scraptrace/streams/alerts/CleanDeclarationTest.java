package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Alert;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanDeclarationTest {
    @TempDir
    Path stateDir;
    AlertsFixture fx;

    @BeforeEach
    void start() {
        fx = new AlertsFixture(stateDir);
        fx.site("S1");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void cleanDeclarationGetsOneAlertWithSeverityZeroAndTheMeasuredLots() {
        fx.grade("S1", "L1", "FE_H1", 6_000);
        fx.grade("S1", "L2", "FE_H1", 3_000);
        fx.grade("S1", "L2", "FE_HS", 1_000);
        fx.declare(declaration("D1", "S1", 9_500, "L1", "L2").setDeclaredGrade("FE_H1"));

        List<KeyValue<String, Alert>> emitted = fx.emitted();
        assertEquals(1, emitted.size(), "exactly one alert for one declaration");
        Alert alert = emitted.get(0).value;
        assertEquals("D1", emitted.get(0).key);
        assertEquals(0, alert.getSeverity());
        assertTrue(alert.getReasons().isEmpty(), () -> "unexpected reasons " + alert.getReasons());
        assertEquals("FE_H1", alert.getMeasuredGrade());
        assertEquals(10_000, alert.getMeasuredMassKg(), 1e-9);
        assertEquals("JP-13", alert.getRegion());
        assertEquals(alert, fx.alertOf("D1"), "the store holds what was emitted");
    }

    @Test
    void resentReadingIsCountedOnce() {
        String eventId = fx.grade("S1", "L1", "FE_H1", 4_000);
        fx.grade(eventId, "S1", "L1", "FE_H1", 4_000);
        fx.declare(declaration("D1", "S1", 4_000, "L1"));

        assertEquals(4_000, fx.alertOf("D1").getMeasuredMassKg(), 1e-9);
        // Counted twice, the intake would be 8 t and a 4.3 t declaration would pass the mass balance.
        fx.grade("S1", "L9", "FE_H1", 1);
        fx.declare(declaration("D2", "S1", 300, "L9"));
        assertTrue(AlertsFixture.codes(fx.alertOf("D2")).contains("MASS_BALANCE_EXCEEDED"));
    }

    @Test
    void reSentDeclarationEmitsNothingNewAndCountsOnce() {
        fx.grade("S1", "L1", "FE_H1", 5_000);
        fx.declare(declaration("D1", "S1", 5_000, "L1"));
        fx.declare(declaration("D1", "S1", 5_000, "L1"));

        assertEquals(1, fx.emitted().size(), "a re-check that changes nothing emits nothing");
        assertEquals(0, fx.alertOf("D1").getSeverity(), "D1 must not count as already exported against itself");
    }
}
