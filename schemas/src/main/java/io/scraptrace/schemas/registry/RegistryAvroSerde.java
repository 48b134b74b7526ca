package io.scraptrace.schemas.registry;

import io.scraptrace.schemas.serde.AvroSerde;
import io.scraptrace.schemas.serde.RecordSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
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

/**
 * Kafka serde for a generated Avro record through a Confluent-compatible schema registry, in the
 * Confluent wire format (https://docs.confluent.io/platform/current/schema-registry/fundamentals/serdes-develop/index.html#wire-format):
 * a zero magic byte, the writer schema's registry id as a 4-byte big-endian int, then the Avro
 * binary body. The value schema of topic {@code t} is registered under subject {@code t-value} (the
 * topic-name strategy) on first use, so the registry's compatibility rule for that subject decides
 * whether a changed schema may be written. Readers fetch each writer schema once by id and resolve
 * it against the current class. Records in the single-object encoding (written before the
 * registry was switched on) still decode. Thread-safe.
 *
 * @param <T> the generated record class
 */
public final class RegistryAvroSerde<T extends SpecificRecord> extends RecordSerde<T> {
    private static final byte MAGIC = 0;
    private static final int HEADER = 1 + Integer.BYTES;

    private final SchemaRegistryClient registry;
    private final SpecificData model;
    private final Schema schema;
    private final SpecificDatumWriter<T> writer;
    private final AvroSerde<T> singleObject;
    private final ConcurrentMap<String, Integer> idBySubject = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, DatumReader<T>> readerById = new ConcurrentHashMap<>();

    public RegistryAvroSerde(Class<T> type, SchemaRegistryClient registry) {
        super(type);
        this.registry = registry;
        // The generated class's own model carries its logical-type conversions (Instant etc.).
        this.model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, model);
        this.singleObject = new AvroSerde<>(type);
    }

    /** The subject a topic's values are registered under (Confluent's topic-name strategy). */
    public static String subject(String topic) {
        return topic + "-value";
    }

    @Override
    protected byte[] encode(String topic, T record) throws IOException {
        int id = idBySubject.computeIfAbsent(subject(topic), subject -> registry.register(subject, schema));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC);
        out.write(ByteBuffer.allocate(Integer.BYTES).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer.write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Override
    protected T decode(String topic, byte[] data) throws IOException {
        if (data.length >= 2 && data[0] == (byte) 0xC3 && data[1] == 0x01) {
            return singleObject.deserialize(topic, data);
        }
        if (data.length < HEADER || data[0] != MAGIC) {
            throw new IOException("neither the schema registry's wire format (magic byte 0) nor single-object encoding");
        }
        int id = ByteBuffer.wrap(data, 1, Integer.BYTES).getInt();
        DatumReader<T> reader = readerById.computeIfAbsent(id, this::readerOf);
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, HEADER, data.length - HEADER, null));
        } catch (IOException | RuntimeException e) {
            throw new IOException("with schema id " + id + ": " + e.getMessage(), e);
        }
    }

    private DatumReader<T> readerOf(int id) {
        Schema written = registry.schema(id);
        if (!written.getFullName().equals(schema.getFullName())) {
            throw new SerializationException("schema id " + id + " is " + written.getFullName() + ", not " + schema.getFullName());
        }
        return new SpecificDatumReader<>(written, schema, model);
    }
}
