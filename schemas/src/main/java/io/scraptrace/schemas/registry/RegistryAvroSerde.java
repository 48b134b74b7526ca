package io.scraptrace.schemas.registry;

import io.scraptrace.schemas.serde.AvroSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro record through a Confluent-compatible schema registry, in the
 * Confluent wire format (https://docs.confluent.io/platform/current/schema-registry/fundamentals/serdes-develop/index.html#wire-format):
 * a zero magic byte, the writer schema's registry id as a 4-byte big-endian int, then the Avro
 * binary body. The value schema of topic {@code t} is registered under subject {@code t-value} (the
 * topic-name strategy) on first use, so the registry's compatibility rule for that subject decides
 * whether a changed schema may be written. Readers fetch each writer schema once by id and resolve
 * it against the current class. Records in the single-object encoding (written before the
 * registry was switched on) still decode. Thread-safe; the serde is configured when built, since
 * Kafka does not configure serde instances it is handed.
 *
 * @param <T> the generated record class
 */
public final class RegistryAvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private static final byte MAGIC = 0;
    private static final int HEADER = 1 + Integer.BYTES;

    private final Class<T> type;
    private final SchemaRegistryClient registry;
    private final SpecificData model;
    private final Schema schema;
    private final SpecificDatumWriter<T> writer;
    private final AvroSerde<T> singleObject;
    private final ConcurrentMap<String, Integer> idBySubject = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, DatumReader<T>> readerById = new ConcurrentHashMap<>();

    public RegistryAvroSerde(Class<T> type, SchemaRegistryClient registry) {
        this.type = type;
        this.registry = registry;
        // The generated class's own model carries its logical-type conversions (Instant etc.).
        this.model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, model);
        this.singleObject = new AvroSerde<>(type);
    }

    /** The record class this serde reads and writes. */
    public Class<T> type() {
        return type;
    }

    /** The subject a topic's values are registered under (Confluent's topic-name strategy). */
    public static String subject(String topic) {
        return topic + "-value";
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        int id = idBySubject.computeIfAbsent(subject(topic), subject -> registry.register(subject, schema));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(MAGIC);
            out.write(ByteBuffer.allocate(Integer.BYTES).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + " for " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length >= 2 && data[0] == (byte) 0xC3 && data[1] == 0x01) {
            return singleObject.deserialize(topic, data);
        }
        if (data.length < HEADER || data[0] != MAGIC) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " from " + topic
                    + ": neither the schema registry's wire format (magic byte 0) nor single-object encoding");
        }
        int id = ByteBuffer.wrap(data, 1, Integer.BYTES).getInt();
        DatumReader<T> reader = readerById.computeIfAbsent(id, this::readerOf);
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, HEADER, data.length - HEADER, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " from " + topic
                    + " with schema id " + id + ": " + e.getMessage(), e);
        }
    }

    private DatumReader<T> readerOf(int id) {
        Schema written = registry.schema(id);
        if (!written.getFullName().equals(schema.getFullName())) {
            throw new SerializationException("schema id " + id + " is " + written.getFullName() + ", not " + schema.getFullName());
        }
        return new SpecificDatumReader<>(written, schema, model);
    }

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
        // Configured when built: the registry client is shared by every topic's serde.
    }

    @Override
    public void close() {
        // The same instance serves every client of the topic; the HTTP client needs no closing.
    }
}
