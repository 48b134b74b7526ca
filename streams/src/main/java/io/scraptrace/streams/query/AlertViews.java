package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Alert;
import io.scraptrace.avro.Case;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.streams.alerts.AlertsTopology;
import io.scraptrace.streams.cases.CaseRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads this instance's part of the alerts sub-topology's store of latest verdicts, each shown
 * with its regulator's case.
 */
public final class AlertViews {
    private final StoreAccess stores;
    private final CaseRegistry cases;

    public AlertViews(StoreAccess stores, CaseRegistry cases) {
        this.stores = stores;
        this.cases = cases;
    }

    /** The latest verdict on one declaration, if this instance holds it. */
    public Optional<JsonNode> alert(String declarationId) {
        return Optional.ofNullable(store().get(declarationId)).map(alert -> render(alert, cases.find(declarationId).orElse(null)));
    }

    /** The local alerts passing {@code filter}, newest first, at most {@code filter.limit()}. */
    public List<JsonNode> list(AlertFilter filter) {
        List<JsonNode> items = new ArrayList<>();
        forEach(filter, (alert, current) -> items.add(render(alert, current)));
        items.sort(AlertFilter.NEWEST_FIRST);
        return items.size() > filter.limit() ? items.subList(0, filter.limit()) : items;
    }

    /** Every local alert passing {@code filter} (its limit aside) with its case (null when none), in store order. */
    public void forEach(AlertFilter filter, BiConsumer<Alert, Case> action) {
        try (KeyValueIterator<String, Alert> it = store().all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null && filter.test(kv.value)) {
                    Case current = cases.find(kv.key).orElse(null);
                    if (filter.admits(current)) {
                        action.accept(kv.value, current);
                    }
                }
            });
        }
    }

    /** The contract JSON of an alert: the verdict and its {@code case} (OPEN when no regulator changed it). */
    public static ObjectNode render(Alert alert, Case current) {
        ObjectNode node = AvroJson.toJson(alert);
        node.set("case", CaseRegistry.json(current));
        return node;
    }

    private ReadOnlyKeyValueStore<String, Alert> store() {
        return stores.local(AlertsTopology.ALERTS_STORE, QueryableStoreTypes.keyValueStore());
    }
}
