package io.scraptrace.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Kafka serde for a generated Avro record using Avro single-object encoding: {@code C3 01}, the
 * writer schema's 8-byte CRC-64-AVRO fingerprint, then the binary body. Records written with any
 * schema in {@link SchemaHistory} decode into the current class, so consumers can be upgraded
 * after producers without a registry server. Thread-safe.
 *
 * @param <T> the generated record class
 */
public final class AvroSerde<T extends SpecificRecord> extends RecordSerde<T> {
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public AvroSerde(Class<T> type) {
        super(type);
        // The generated class's own model carries its logical-type conversions (Instant etc.).
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, SchemaHistory.store());
    }

    @Override
    protected byte[] encode(String topic, T record) throws IOException {
        ByteBuffer buffer = encoder.encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    protected T decode(String topic, byte[] data) throws IOException {
        try {
            return decoder.decode(data);
        } catch (BadHeaderException e) {
            // A zero first byte is the Confluent wire format: written with schema.registry.url set.
            if (data.length > 0 && data[0] == 0) {
                throw new IOException(e.getMessage() + " (written through a schema registry: set schema.registry.url)", e);
            }
            throw e;
        }
    }
}
