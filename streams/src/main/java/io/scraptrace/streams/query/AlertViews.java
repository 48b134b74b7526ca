package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Alert;
import io.scraptrace.avro.Case;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.streams.alerts.AlertsTopology;
import io.scraptrace.streams.cases.CaseRegistry;
import java.time.Duration;
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
    /**
     * How long a query for a declaration not in the store waits for streams to read what ingest
     * accepted before it: normally one commit interval; the instance that forwarded it retries.
     */
    private static final Duration NOT_READ_WAIT = Duration.ofSeconds(1);

    private final StoreAccess stores;
    private final CaseRegistry cases;
    private final String exportsTopic;

    /**
     * @param exportsTopic the topic declarations are read from, which the alerts store is partitioned by
     */
    public AlertViews(StoreAccess stores, CaseRegistry cases, String exportsTopic) {
        this.stores = stores;
        this.cases = cases;
        this.exportsTopic = exportsTopic;
    }

    /**
     * The latest verdict on one declaration, if this instance holds its partition. A declaration
     * streams holds is there from the moment it was read (PENDING until judged); empty means that
     * streams has processed every declaration ingest accepted into the key's partition before this
     * call and this is none of them. When it has not yet (the tens of milliseconds between ingest's
     * commit and streams reading it), this is {@link UnavailableException}: "may not be read yet".
     */
    public Optional<JsonNode> alert(String declarationId) {
        Optional<JsonNode> found = find(declarationId);
        if (found.isPresent()) {
            return found;
        }
        stores.requireInputRead(exportsTopic, "declaration " + declarationId, NOT_READ_WAIT);
        // Read again: it may have been processed while the check waited.
        return find(declarationId);
    }

    private Optional<JsonNode> find(String declarationId) {
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
