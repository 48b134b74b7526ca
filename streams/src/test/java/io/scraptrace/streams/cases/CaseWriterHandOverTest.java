package io.scraptrace.streams.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.Case;
import io.scraptrace.avro.CaseChange;
import io.scraptrace.avro.CaseStatus;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.TopicCreator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A declaration's case changed on one instance, then on another that has just become its owner
 * while its copy of the global cases store has not caught up (here: never does): the new owner
 * must append to the previous owner's write, not to its stale copy, and the first owner, getting
 * the declaration back, to the second's.
 */
class CaseWriterHandOverTest {
    private static final Principal REGULATOR = new Principal("regulator", Role.REGULATOR, Set.of("*"));

    @TempDir
    Path dir;

    @Test
    void aNewOwnerAppendsToThePreviousOwnersWriteThoughItsStoreLags() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()));
            TopicCreator.ensureTopics(config);
            try (CaseWriter first = new CaseWriter(config, id -> Optional.empty(), Clock.systemUTC());
                 CaseWriter second = new CaseWriter(config, id -> Optional.empty(), Clock.systemUTC())) {
                first.start();
                second.start();

                first.change("D1", CaseStatus.INVESTIGATING, "send an inspector", REGULATOR);
                // Read from its lagging store, the case would still be OPEN and CONFIRMED refused (409).
                Case confirmed = second.change("D1", CaseStatus.CONFIRMED, "copper under the steel", REGULATOR);
                // The first writer's own last write is INVESTIGATING: appended to that, a reopening would be refused too.
                Case reopened = first.change("D1", CaseStatus.INVESTIGATING, "exporter appealed", REGULATOR);

                assertEquals(List.of("send an inspector", "copper under the steel"), notes(confirmed));
                assertEquals(List.of("send an inspector", "copper under the steel", "exporter appealed"), notes(reopened));
                assertEquals(List.of(CaseStatus.INVESTIGATING, CaseStatus.CONFIRMED, CaseStatus.INVESTIGATING),
                        reopened.getHistory().stream().map(CaseChange::getStatus).toList());
            }
        }
    }

    private static List<String> notes(Case current) {
        return current.getHistory().stream().map(CaseChange::getNote).toList();
    }
}
