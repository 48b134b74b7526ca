package io.scraptrace.schemas.serde;

import java.io.IOException;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde of one generated Avro record class that is its own serializer and deserializer and is
 * complete when constructed (Kafka does not configure serde instances it is handed; one instance
 * serves every client of a topic). Nulls pass through; a failure is a {@link SerializationException}
 * naming the record type and topic, unless the encoding already threw a Kafka exception that says
 * what failed (a schema registry's refusal, or its being unreachable, which is retriable).
 *
 * @param <T> the generated record class
 */
public abstract class RecordSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final Class<T> type;

    protected RecordSerde(Class<T> type) {
        this.type = type;
    }

    /** The record class this serde reads and writes. */
    public final Class<T> type() {
        return type;
    }

    /** {@code record} encoded for {@code topic}. */
    protected abstract byte[] encode(String topic, T record) throws IOException;

    /** The record {@code data} (not null) from {@code topic} holds. */
    protected abstract T decode(String topic, byte[] data) throws IOException;

    @Override
    public final byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return encode(topic, data);
        } catch (KafkaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + " for " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public final T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return decode(topic, data);
        } catch (KafkaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " from " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public final Serializer<T> serializer() {
        return this;
    }

    @Override
    public final Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public final void configure(Map<String, ?> configs, boolean isKey) {
        // Complete when constructed.
    }

    @Override
    public final void close() {
        // Shared by every client of the topic.
    }
}
