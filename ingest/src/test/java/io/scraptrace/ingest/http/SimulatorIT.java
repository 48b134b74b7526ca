package io.scraptrace.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.TokenStore;
import io.scraptrace.ingest.testing.SharedKafka;
import io.scraptrace.ingest.testing.TestIngest;
import io.scraptrace.simulator.plant.PlantSimulator;
import io.scraptrace.simulator.plant.PlantWorld;
import io.scraptrace.simulator.plant.SimulatorCounters;
import io.scraptrace.simulator.plant.SimulatorOptions;
import io.scraptrace.simulator.plant.SimulatorTokens;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plant simulator, a client written by another team, runs against ingest without a single error reply. */
class SimulatorIT {
    @Test
    void everythingTheSimulatorSendsIsAccepted() throws Exception {
        SimulatorOptions draft = SimulatorOptions.defaults(URI.create("http://127.0.0.1:1"), 3, 100, Duration.ofSeconds(8), true, 7, null);
        Map<String, Principal> tokens = SimulatorTokens.generate(PlantWorld.of(draft).siteIds());
        try (TestIngest ingest = TestIngest.start(SharedKafka.bootstrapServers(), Map.of(), TokenStore.of(tokens))) {
            SimulatorOptions options = new SimulatorOptions(URI.create("http://127.0.0.1:" + ingest.server().port()), draft.sites(),
                    draft.rate(), draft.duration(), draft.anomalies(), 0.5, draft.seed(), null, 0.2, Duration.ofSeconds(1), draft.runTag());
            PlantSimulator simulator = new PlantSimulator(options, SimulatorTokens.fromPrincipals(tokens));
            simulator.start();
            assertTrue(simulator.awaitCompletion(Duration.ofSeconds(90)), "simulator did not finish");
            SimulatorCounters.Snapshot sent = simulator.counters();
            System.out.println("simulator against ingest: " + sent);

            assertTrue(sent.readingsSent() > 0 && sent.framesSent() > 0 && sent.sitesRegistered() > 0, sent::toString);
            assertEquals(0, sent.clientErrors(), sent::toString);
            assertEquals(0, sent.serverErrors(), sent::toString);
            assertEquals(sent.readingsSent(), sent.readingsAccepted(), sent::toString);
            assertEquals(sent.framesSent(), sent.framesAccepted(), sent::toString);
            assertEquals(sent.declarationsSent(), sent.declarationsAccepted(), sent::toString);
        }
    }
}
