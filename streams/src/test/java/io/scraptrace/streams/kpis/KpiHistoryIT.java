package io.scraptrace.streams.kpis;

import static io.scraptrace.streams.testing.StreamsInstance.OPERATOR_JP13;
import static io.scraptrace.streams.testing.StreamsInstance.REGULATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.streams.testing.GradedFeed;
import io.scraptrace.streams.testing.Records;
import io.scraptrace.streams.testing.StreamsInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly history outlives the instance that built it: after a stop and a start with its local
 * state deleted, the KPIs of the year are the same, restored from the compacted changelog rather
 * than recounted from events. The API scopes them: an operator sees its own regions, no national view.
 */
class KpiHistoryIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String YEAR_QUERY = "/v1/kpis?year=2026&asOf=2026-12-31T00:00:00Z";

    @TempDir
    Path dir;

    @Test
    void theYearsKpisAreAnsweredAfterARestartWithoutLocalState() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()));
            TopicCreator.ensureTopics(config);
            GradedFeed.register(config, List.of(Records.site("S1", "JP-13"), Records.site("S2", "JP-14")));
            Instant march = Instant.parse("2026-03-05T09:00:00Z");
            Instant june = Instant.parse("2026-06-20T09:00:00Z");
            GradedFeed.sendAll(config, config.topics().graded.name(), List.of(
                    Records.graded("h1", "S1", "L1", "FE_HS", 1200, march),
                    Records.graded("h2", "S1", "L2", "FE_HS", 800, june),
                    Records.graded("h3", "S2", "L3", "FE_NEW_CUT", 500, june),
                    Records.graded("h4", "S2", "L4", "BM_NMC", 250, june, Map.of("Li", 4.0, "Ni", 20.0, "Co", 6.0), 0.9)));
            Map<String, String> settings = Map.of("streams.commit.interval.ms", "100");
            JsonNode before;
            try (StreamsInstance first = StreamsInstance.start(kafka.bootstrapServers(), dir.resolve("state-1"), settings).awaitRunning(WAIT)) {
                before = awaitReadings(first, 4);
                JsonNode operator = first.client.ok(YEAR_QUERY, OPERATOR_JP13);
                assertTrue(operator.path("national").isMissingNode(), "an operator gets no national view");
                assertEquals(1, operator.path("regions").size());
                assertEquals("JP-13", operator.path("regions").get(0).path("scope").asText());
            }
            assertEquals(2.5, indicator(before.path("national"), "highGradeIronScrap").path("yearToDateTonnes").asDouble(), 1e-9);
            assertEquals(0.01, indicator(before.path("national"), "lithiumInBlackMass").path("yearToDateTonnes").asDouble(), 1e-12);

            try (StreamsInstance second = StreamsInstance.start(kafka.bootstrapServers(), dir.resolve("state-2"), settings).awaitRunning(WAIT)) {
                JsonNode after = awaitReadings(second, 4);
                assertEquals(before.path("months"), after.path("months"));
                assertEquals(before.path("national"), after.path("national"));
            }
        }
    }

    private static JsonNode awaitReadings(StreamsInstance instance, long readings) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode report = null;
        while (Instant.now().isBefore(deadline)) {
            report = instance.client.ok(YEAR_QUERY, REGULATOR);
            if (report.path("national").path("readings").asLong() == readings) {
                return report;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("KPIs never counted " + readings + " readings: " + report);
    }

    private static JsonNode indicator(JsonNode scope, String id) {
        for (JsonNode indicator : scope.path("indicators")) {
            if (indicator.path("id").asText().equals(id)) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + id);
    }
}
