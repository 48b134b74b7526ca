package io.scraptrace.streams.alerts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh alert topology per test, with registered site S1, and assertions on alert codes. */
abstract class AlertsTestBase {
    @TempDir
    Path stateDir;
    AlertsFixture fx;

    @BeforeEach
    void startFixture() {
        fx = new AlertsFixture(stateDir);
        fx.site("S1");
    }

    @AfterEach
    void stopFixture() {
        fx.close();
    }

    AlertReason assertFires(String declarationId, String code) {
        Alert alert = fx.alertOf(declarationId);
        return AlertsFixture.reason(alert, code)
                .orElseThrow(() -> new AssertionError(declarationId + " should raise " + code + " but raised " + AlertsFixture.codes(alert)));
    }

    void assertQuiet(String declarationId, String code) {
        Alert alert = fx.alertOf(declarationId);
        assertFalse(AlertsFixture.codes(alert).contains(code), () -> declarationId + " must not raise " + code + ": " + alert.getReasons());
    }

    static void assertMentions(AlertReason reason, String text) {
        assertTrue(reason.getDetail().contains(text), () -> "detail '" + reason.getDetail() + "' should mention " + text);
    }
}
