package io.scraptrace.streams.serde;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Base of the streams' own state serdes: one stateless, thread-safe object is serde, serializer and
 * deserializer, with nothing to configure or close.
 *
 * @param <T> the value type
 */
abstract class StateSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: the format is fixed at construction.
    }

    @Override
    public void close() {
        // Stateless: one instance may be shared by every store and thread.
    }
}
