package io.scraptrace.streams.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.scraptrace.avro.Case;
import io.scraptrace.avro.CaseStatus;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.streams.testing.ViewsDriver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases store in the complete topology: the latest record of each declaration, whole history included. */
class CaseTopologyTest {
    private static final Principal REGULATOR = new Principal("reg-1", Role.REGULATOR, Set.of("*"));
    private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theStoreHoldsEachDeclarationsLatestCase() {
        try (ViewsDriver views = new ViewsDriver(dir)) {
            Topic<String, Case> topic = views.config.topics().cases;
            TestInputTopic<String, Case> cases = views.driver.createInputTopic(topic.name(), topic.keySerde().serializer(),
                    topic.valueSerde().serializer());
            Case opened = CaseWorkflow.apply("D1", null, CaseStatus.INVESTIGATING, "weigh it again", REGULATOR, T);
            Case confirmed = CaseWorkflow.apply("D1", opened, CaseStatus.CONFIRMED, "copper under steel", REGULATOR, T.plusSeconds(90));
            Case other = CaseWorkflow.apply("D2", null, CaseStatus.INVESTIGATING, "papers missing", REGULATOR, T);
            cases.pipeInput("D1", opened);
            cases.pipeInput("D2", other);
            cases.pipeInput("D1", confirmed);

            KeyValueStore<String, Case> store = views.keyValueStore(CaseTopology.STORE);
            Case d1 = store.get("D1");
            assertEquals(CaseStatus.CONFIRMED, d1.getStatus());
            assertEquals(List.of("weigh it again", "copper under steel"), d1.getHistory().stream().map(c -> c.getNote()).toList());
            assertEquals(T.plusSeconds(90), d1.getHistory().get(1).getAt());
            assertEquals(CaseStatus.INVESTIGATING, store.get("D2").getStatus());
            assertNull(store.get("D3"));
        }
    }
}
