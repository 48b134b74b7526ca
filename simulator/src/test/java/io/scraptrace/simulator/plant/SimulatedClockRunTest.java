package io.scraptrace.simulator.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run on a simulated clock: as fast as the machine allows, and the same records for the same seed. */
class SimulatedClockRunTest {
    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    private static final Duration RUN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** A request as ingest received it, without the token (tokens are drawn afresh for each run). */
    private record Received(String method, String path, String body) {
    }

    @Test
    void aSeedGivesTheSameRequestsAndGroundTruthEveryTime() throws Exception {
        Run first = run(dir.resolve("first.jsonl"));
        Run second = run(dir.resolve("second.jsonl"));

        assertTrue(first.requests().stream().anyMatch(r -> r.path().equals("/v1/exports")), "declarations were filed");
        assertTrue(first.requests().stream().anyMatch(r -> r.path().equals("/v1/frames")), "frames were posted");
        assertEquals(first.requests().size(), second.requests().size());
        for (int i = 0; i < first.requests().size(); i++) {
            assertEquals(first.requests().get(i), second.requests().get(i), "request " + i);
        }
        assertEquals(first.truth(), second.truth());
        assertTrue(first.requests().stream().filter(r -> r.path().equals("/v1/readings")).allMatch(r -> r.body().contains("\"2026-06-01T09:")),
                "readings are stamped with the simulated time");
    }

    private record Run(List<Received> requests, List<String> truth) {
    }

    private static Run run(Path truthFile) throws Exception {
        SimulationClock clock = SimulationClock.simulated(START);
        try (RecordingIngest ingest = new RecordingIngest(0)) {
            SimulatorOptions options = new SimulatorOptions(ingest.url(), 4, 200, RUN, true, 0.5, 11, truthFile, 0.05,
                    Duration.ZERO, "c1");
            PlantWorld world = PlantWorld.of(options, clock.today());
            PlantSimulator simulator = new PlantSimulator(options, SimulatorTokens.fromPrincipals(SimulatorTokens.generate(world.siteIds())), clock);
            simulator.start();
            assertTrue(simulator.awaitCompletion(Duration.ofMinutes(2)), "a simulated run ends on its own");
            assertEquals(START.plus(RUN), clock.now(), "the clock moved by the run's duration, in whole ticks");
            List<Received> requests = ingest.requests().stream().map(r -> new Received(r.method(), r.path(), r.body())).toList();
            return new Run(requests, Files.readAllLines(truthFile));
        }
    }
}
