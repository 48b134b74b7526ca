package io.scraptrace.schemas.topics;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic paired with the serdes of its keys and values and the settings it is created with.
 *
 * @param name       full topic name, prefix included
 * @param keySerde   serde of the record keys
 * @param valueSerde serde of the record values
 * @param partitions partitions to create it with
 * @param configs    topic-level configs (cleanup.policy, retention.ms, ...)
 * @param <K>        key type
 * @param <V>        value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, Map<String, String> configs) {
    @Override
    public String toString() {
        return name;
    }
}
