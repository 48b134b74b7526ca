package io.scraptrace.streams.query;

import static io.scraptrace.streams.testing.Records.T0;
import static io.scraptrace.streams.testing.Records.graded;
import static io.scraptrace.streams.testing.Records.site;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.streams.lots.LotState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LotJsonTest {
    private static final Duration IDLE = Duration.ofMinutes(5);
    private static final double SHARE = 0.10;
    // Records.graded stamps gradedAt one second after the measurement.
    private final LotState lot = LotState.of(graded("e1", "S1", "L1", "CU_NO1", 40, T0, Map.of("Cu", 99.5), 0.8))
            .add(graded("e2", "S1", "L1", "CU_NO2", 10, T0.plusSeconds(60), Map.of("Cu", 95.0), 0.6));

    @Test
    void isGradingUntilTheIdlePeriodHasPassedSinceTheLastGrade() {
        JsonNode justBefore = LotJson.render(lot, Optional.of(site("S1", "JP-13")), T0.plusSeconds(61).plus(IDLE).minusMillis(1), IDLE, SHARE);
        JsonNode atIdle = LotJson.render(lot, Optional.of(site("S1", "JP-13")), T0.plusSeconds(61).plus(IDLE), IDLE, SHARE);
        assertEquals("GRADING", justBefore.path("status").asText());
        assertEquals("GRADED", atIdle.path("status").asText());
    }

    @Test
    void rendersSiteMassesDominantGradeAndConfidence() {
        JsonNode json = LotJson.render(lot, Optional.of(site("S1", "JP-13")), T0.plus(Duration.ofHours(1)), IDLE, SHARE);
        assertEquals("JP-13", json.path("region").asText());
        assertEquals(0, json.path("flags").size());
        assertEquals(50.0, json.path("massKg").asDouble(), 1e-9);
        assertEquals(40.0, json.path("massKgByGrade").path("CU_NO1").asDouble(), 1e-9);
        assertEquals("CU_NO1", json.path("dominantGrade").asText());
        assertEquals("COPPER", json.path("material").asText());
        assertTrue(json.path("highGrade").asBoolean());
        // 40 kg of CU_NO1 at 0.8 over 50 kg: the 10 kg graded CU_NO2 count against the lot's grade.
        assertEquals(40 * 0.8 / 50, json.path("confidence").asDouble(), 1e-9);
        assertEquals(0.7, json.path("meanReadingConfidence").asDouble(), 1e-9);
        assertEquals(2, json.path("readings").asInt());
        assertEquals(T0.plusSeconds(60).toString(), json.path("lastReadingAt").asText());
    }

    @Test
    void flagsALotFromASiteMissingFromTheRegistry() {
        JsonNode json = LotJson.render(lot, Optional.empty(), T0, IDLE, SHARE);
        assertEquals("UNKNOWN", json.path("region").asText());
        assertEquals(LotJson.UNREGISTERED_SITE, json.path("flags").get(0).asText());
    }

    @Test
    void needsInspectionOnceTheUncertainMassShareIsAboveTheThresholdWhateverTheTime() {
        LotState atThreshold = LotState.of(graded("e1", "S1", "L2", "CU_NO1", 30, T0, Map.of("Cu", 99.5), 0.9))
                .add(graded("e2", "S1", "L2", "UNCERTAIN", 10, T0.plusSeconds(10), Map.of("Cu", 60.0), 0.4));
        LotState above = atThreshold.add(graded("e3", "S1", "L2", "UNCERTAIN", 1, T0.plusSeconds(20), Map.of("Cu", 60.0), 0.4));
        Instant late = T0.plus(Duration.ofHours(2));
        double quarter = 0.25;
        assertEquals(quarter, atThreshold.uncertainMassShare());
        assertEquals("GRADED", LotJson.render(atThreshold, Optional.of(site("S1", "JP-13")), late, IDLE, quarter).path("status").asText());
        JsonNode json = LotJson.render(above, Optional.of(site("S1", "JP-13")), T0.plusSeconds(21), IDLE, quarter);
        assertEquals(LotJson.NEEDS_INSPECTION, json.path("status").asText());
        assertEquals(11.0 / 41, json.path("uncertainMassShare").asDouble(), 1e-12);
        assertEquals(30 * 0.9 / 41, json.path("confidence").asDouble(), 1e-12);
        assertEquals(LotJson.NEEDS_INSPECTION, LotJson.render(above, Optional.empty(), late, IDLE, quarter).path("status").asText());
        assertEquals("GRADED", LotJson.render(above, Optional.empty(), late, IDLE, 0.3).path("status").asText());
    }
}
