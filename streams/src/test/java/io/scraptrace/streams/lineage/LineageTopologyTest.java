package io.scraptrace.streams.lineage;

import static io.scraptrace.streams.testing.Records.T0;
import static io.scraptrace.streams.testing.Records.declaration;
import static io.scraptrace.streams.testing.Records.graded;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Material;
import io.scraptrace.streams.declarations.DeclarationsTopology;
import io.scraptrace.streams.testing.ViewsDriver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageTopologyTest {
    @TempDir
    Path state;

    @Test
    void aLotsReadingsAreOneKeyRangeThatExcludesLotsWithTheSamePrefix() {
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.grade(graded("e1", "S1", "L1", "FE_HS", 10, T0));
            views.grade(graded("e2", "S1", "L10", "FE_H2", 20, T0.plusSeconds(1)));
            views.grade(graded("e3", "S1", "L1", "FE_H2", 30, T0.plusSeconds(2)));
            views.grade(graded("e3", "S1", "L1", "FE_H2", 30, T0.plusSeconds(3)));
            views.grade(graded("e4", "S1", "L1-b", "FE_H2", 40, T0.plusSeconds(4)));

            KeyValueStore<String, ReadingTrace> store = views.keyValueStore(LineageTopology.STORE);
            List<ReadingTrace> traces = new ArrayList<>();
            try (KeyValueIterator<String, ReadingTrace> range = store.range(LineageTopology.firstKey("L1"), LineageTopology.lastKey("L1"))) {
                range.forEachRemaining((KeyValue<String, ReadingTrace> kv) -> traces.add(kv.value));
            }
            assertEquals(List.of("e1", "e3"), traces.stream().map(ReadingTrace::eventId).toList());
            assertEquals(List.of("FE_HS", "FE_H2"), traces.stream().map(ReadingTrace::grade).toList());
            assertEquals(List.of(10.0, 30.0), traces.stream().map(ReadingTrace::massKg).toList());
            assertEquals("model-7", traces.get(0).modelVersion());
        }
    }

    @Test
    void keepsEveryDeclarationByIdForTheLineageRoot() {
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.declare(declaration("D1", "S1", Material.FERROUS, null, 600, List.of("L1", "L2"), T0));
            ExportDeclaration stored = views.<ExportDeclaration>keyValueStore(DeclarationsTopology.STORE).get("D1");
            assertEquals(List.of("L1", "L2"), stored.getLotIds());
        }
    }
}
