package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.streams.aggregates.AggregateWindow;
import io.scraptrace.streams.aggregates.RegionTotals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Renders this instance's regional aggregates as contract JSON: the stored totals plus the derived
 * {@code meanConfidence}, {@code uncertainShare} and {@code totalTonnes}. Time windows are selected
 * by their start within {@code from..to}.
 */
public final class AggregateViews {
    private final StoreAccess stores;

    public AggregateViews(StoreAccess stores) {
        this.stores = stores;
    }

    /** Aggregates of every region this instance holds that {@code visible} lets through. */
    public List<JsonNode> all(AggregateWindow window, Instant from, Instant to, Predicate<String> visible) {
        List<JsonNode> items = new ArrayList<>();
        forEach(window, from, to, visible, stamped -> items.add(render(stamped)));
        return items;
    }

    /** Each stamped aggregate of every region this instance holds that {@code visible} lets through, as the store is read. */
    public void forEach(AggregateWindow window, Instant from, Instant to, Predicate<String> visible, Consumer<RegionAggregate> action) {
        if (window.windowed()) {
            ReadOnlyWindowStore<String, RegionAggregate> store = stores.local(window.storeName(), QueryableStoreTypes.windowStore());
            try (KeyValueIterator<Windowed<String>, RegionAggregate> it = store.fetchAll(from, to)) {
                it.forEachRemaining(kv -> {
                    if (visible.test(kv.key.key())) {
                        action.accept(RegionTotals.inWindow(kv.value, window, kv.key.window().startTime()));
                    }
                });
            }
        } else {
            ReadOnlyKeyValueStore<String, RegionAggregate> store = stores.local(window.storeName(), QueryableStoreTypes.keyValueStore());
            try (KeyValueIterator<String, RegionAggregate> it = store.all()) {
                it.forEachRemaining(kv -> {
                    if (visible.test(kv.key)) {
                        action.accept(RegionTotals.inWindow(kv.value, window, Instant.EPOCH));
                    }
                });
            }
        }
    }

    /** Aggregates of one region held by this instance (empty list when it has none). */
    public List<JsonNode> region(String region, AggregateWindow window, Instant from, Instant to) {
        List<JsonNode> items = new ArrayList<>();
        if (window.windowed()) {
            ReadOnlyWindowStore<String, RegionAggregate> store = stores.local(window.storeName(), QueryableStoreTypes.windowStore());
            try (WindowStoreIterator<RegionAggregate> it = store.fetch(region, from, to)) {
                it.forEachRemaining(kv -> items.add(render(RegionTotals.inWindow(kv.value, window, Instant.ofEpochMilli(kv.key)))));
            }
        } else {
            ReadOnlyKeyValueStore<String, RegionAggregate> store = stores.local(window.storeName(), QueryableStoreTypes.keyValueStore());
            RegionAggregate total = store.get(region);
            if (total != null) {
                items.add(render(RegionTotals.inWindow(total, window, Instant.EPOCH)));
            }
        }
        return items;
    }

    /** The contract JSON of a stamped aggregate. */
    public static ObjectNode render(RegionAggregate stamped) {
        ObjectNode node = AvroJson.toJson(stamped);
        double total = stamped.getTonnesByGrade().values().stream().mapToDouble(Double::doubleValue).sum();
        node.put("totalTonnes", total);
        node.put("uncertainShare", total == 0 ? 0.0 : stamped.getUncertainTonnes() / total);
        node.put("meanConfidence", stamped.getReadings() == 0 ? 0.0 : stamped.getConfidenceSum() / stamped.getReadings());
        return node;
    }
}
