package io.scraptrace.streams.query;

import static io.scraptrace.streams.testing.Records.T0;
import static io.scraptrace.streams.testing.Records.graded;
import static io.scraptrace.streams.testing.Records.site;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.streams.lots.LotState;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LotJsonTest {
    private static final Duration IDLE = Duration.ofMinutes(5);
    // Records.graded stamps gradedAt one second after the measurement.
    private final LotState lot = LotState.of(graded("e1", "S1", "L1", "CU_NO1", 40, T0, Map.of("Cu", 99.5), 0.8))
            .add(graded("e2", "S1", "L1", "CU_NO2", 10, T0.plusSeconds(60), Map.of("Cu", 95.0), 0.6));

    @Test
    void isGradingUntilTheIdlePeriodHasPassedSinceTheLastGrade() {
        JsonNode justBefore = LotJson.render(lot, Optional.of(site("S1", "JP-13")), T0.plusSeconds(61).plus(IDLE).minusMillis(1), IDLE);
        JsonNode atIdle = LotJson.render(lot, Optional.of(site("S1", "JP-13")), T0.plusSeconds(61).plus(IDLE), IDLE);
        assertEquals("GRADING", justBefore.path("status").asText());
        assertEquals("GRADED", atIdle.path("status").asText());
    }

    @Test
    void rendersSiteMassesDominantGradeAndConfidence() {
        JsonNode json = LotJson.render(lot, Optional.of(site("S1", "JP-13")), T0.plus(Duration.ofHours(1)), IDLE);
        assertEquals("JP-13", json.path("region").asText());
        assertEquals(0, json.path("flags").size());
        assertEquals(50.0, json.path("massKg").asDouble(), 1e-9);
        assertEquals(40.0, json.path("massKgByGrade").path("CU_NO1").asDouble(), 1e-9);
        assertEquals("CU_NO1", json.path("dominantGrade").asText());
        assertEquals("COPPER", json.path("material").asText());
        assertTrue(json.path("highGrade").asBoolean());
        assertEquals(0.7, json.path("confidence").asDouble(), 1e-9);
        assertEquals(2, json.path("readings").asInt());
        assertEquals(T0.plusSeconds(60).toString(), json.path("lastReadingAt").asText());
    }

    @Test
    void flagsALotFromASiteMissingFromTheRegistry() {
        JsonNode json = LotJson.render(lot, Optional.empty(), T0, IDLE);
        assertEquals("UNKNOWN", json.path("region").asText());
        assertEquals(LotJson.UNREGISTERED_SITE, json.path("flags").get(0).asText());
    }
}
