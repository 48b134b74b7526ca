package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.Alert;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.streams.alerts.AlertsTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads this instance's part of the alerts sub-topology's store of latest verdicts. */
public final class AlertViews {
    private final StoreAccess stores;

    public AlertViews(StoreAccess stores) {
        this.stores = stores;
    }

    /** The latest verdict on one declaration, if this instance holds it. */
    public Optional<JsonNode> alert(String declarationId) {
        return Optional.ofNullable(store().get(declarationId)).map(AvroJson::toJson);
    }

    /** The local alerts passing {@code filter}, newest first, at most {@code filter.limit()}. */
    public List<JsonNode> list(AlertFilter filter) {
        List<JsonNode> items = new ArrayList<>();
        try (KeyValueIterator<String, Alert> it = store().all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null && filter.test(kv.value)) {
                    items.add(AvroJson.toJson(kv.value));
                }
            });
        }
        items.sort(AlertFilter.NEWEST_FIRST);
        return items.size() > filter.limit() ? items.subList(0, filter.limit()) : items;
    }

    private ReadOnlyKeyValueStore<String, Alert> store() {
        return stores.local(AlertsTopology.ALERTS_STORE, QueryableStoreTypes.keyValueStore());
    }
}
