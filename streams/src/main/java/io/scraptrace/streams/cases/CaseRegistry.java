package io.scraptrace.streams.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Case;
import io.scraptrace.avro.CaseStatus;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.streams.query.StoreAccess;
import java.util.Optional;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The cases as this instance's copy of the global cases store has them, and their JSON. */
public final class CaseRegistry {
    private final StoreAccess stores;

    public CaseRegistry(StoreAccess stores) {
        this.stores = stores;
    }

    /** The case on {@code declarationId}, if a regulator ever changed it. */
    public Optional<Case> find(String declarationId) {
        ReadOnlyKeyValueStore<String, Case> cases = stores.local(CaseTopology.STORE, QueryableStoreTypes.keyValueStore());
        return Optional.ofNullable(cases.get(declarationId));
    }

    /** The alert views' {@code case} object: {@code {status, history: [{status, note, by, at}]}}; OPEN with no history when absent. */
    public static ObjectNode json(Case current) {
        if (current == null) {
            ObjectNode open = ApiServer.JSON.createObjectNode().put("status", CaseStatus.OPEN.name());
            open.putArray("history");
            return open;
        }
        ObjectNode node = AvroJson.toJson(current);
        node.remove("declarationId");
        return node;
    }
}
