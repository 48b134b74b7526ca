package io.scraptrace.streams.kpis;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.streams.query.StoreAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads this instance's monthly totals: a few rows per region and month, so a whole scan is cheap. */
public final class KpiViews {
    private final StoreAccess stores;

    public KpiViews(StoreAccess stores) {
        this.stores = stores;
    }

    /** The rows of {@code year} of the regions {@code visible} accepts, as JSON. */
    public List<JsonNode> months(int year, Predicate<String> visible) {
        ReadOnlyKeyValueStore<String, MonthlyTotals> store = stores.local(KpisTopology.STORE, QueryableStoreTypes.keyValueStore());
        List<JsonNode> rows = new ArrayList<>();
        try (KeyValueIterator<String, MonthlyTotals> all = store.all()) {
            all.forEachRemaining(kv -> {
                String region = MonthKey.region(kv.key);
                var month = MonthKey.month(kv.key);
                if (month.getYear() == year && visible.test(region)) {
                    rows.add(new MonthRow(region, month, kv.value).toJson());
                }
            });
        }
        return rows;
    }
}
