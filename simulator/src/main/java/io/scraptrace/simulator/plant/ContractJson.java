package io.scraptrace.simulator.plant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.schemas.json.AvroJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.IndexedRecord;

/** Records as the JSON a client sends: contract fields only, absent optionals left out. */
final class ContractJson {
    /** Set by ingest on arrival, never by a client. */
    private static final String RECEIVED_AT = "receivedAt";

    private ContractJson() {
    }

    static ObjectNode of(IndexedRecord record) {
        ObjectNode node = AvroJson.toJson(record);
        node.remove(RECEIVED_AT);
        List<String> nulls = new ArrayList<>();
        node.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                nulls.add(field.getKey());
            }
        });
        node.remove(nulls);
        return node;
    }

    /** Records as NDJSON, one per line. */
    static String ndjson(List<? extends IndexedRecord> records) {
        StringBuilder body = new StringBuilder();
        records.forEach(record -> body.append(of(record)).append('\n'));
        return body.toString();
    }
}
