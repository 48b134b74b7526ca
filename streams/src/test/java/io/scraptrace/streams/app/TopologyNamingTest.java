package io.scraptrace.streams.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.core.config.ScrapTraceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Two engineers build one topology: every processor and store must carry its owner's prefix so
 * names (and the changelog and repartition topics derived from them) never collide or shift when
 * the other side changes.
 */
class TopologyNamingTest {
    @Test
    void everyNodeAndStoreIsPrefixedByItsOwner() {
        TopologyDescription description = StreamsTopology.build(ScrapTraceConfig.of(Map.of())).describe();
        List<String> unprefixed = new ArrayList<>();
        TreeSet<String> stores = new TreeSet<>();
        description.subtopologies().forEach(sub -> sub.nodes().forEach(node -> {
            check(node.name(), unprefixed);
            if (node instanceof TopologyDescription.Processor processor) {
                stores.addAll(processor.stores());
            }
        }));
        description.globalStores().forEach(global -> {
            check(global.source().name(), unprefixed);
            check(global.processor().name(), unprefixed);
        });
        stores.forEach(store -> check(store, unprefixed));
        assertEquals(List.of(), unprefixed);
        assertTrue(stores.containsAll(List.of("views-lots-store", "views-balance-store", "views-agg-1h-store", "alerts-store")), stores.toString());
    }

    private static void check(String name, List<String> unprefixed) {
        if (!name.startsWith("views-") && !name.startsWith("alerts-")) {
            unprefixed.add(name);
        }
    }
}
