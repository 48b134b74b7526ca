package io.scraptrace.streams.serde;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Kafka serde for hot internal state through a {@link StateCodec}: a format version byte, then the
 * codec's fields. A value of another version (or a JSON value of an older build) fails with a
 * message saying so rather than being misread; a codec that changes its layout bumps its version.
 * Thread-safe.
 *
 * @param <T> the state type
 */
public final class BinarySerde<T> extends StateSerde<T> {
    /** Room for a typical value (lot state, partial sums) without growing. */
    private static final int INITIAL_CAPACITY = 256;

    private final String typeName;
    private final int version;
    private final StateCodec<T> codec;

    /**
     * @param typeName what the values are, for error messages
     * @param version  layout version written first (1-127; never '{', so old JSON is told apart)
     * @param codec    the layout
     */
    public BinarySerde(String typeName, int version, StateCodec<T> codec) {
        if (version < 1 || version > Byte.MAX_VALUE || version == '{') {
            throw new IllegalArgumentException("version must be 1-127 and not '{': " + version);
        }
        this.typeName = typeName;
        this.version = version;
        this.codec = codec;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        ByteWriter out = new ByteWriter(INITIAL_CAPACITY);
        try {
            out.writeByte(version);
            codec.write(out, data);
        } catch (IOException e) {
            throw new SerializationException("cannot encode " + typeName + " for " + topic + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0 || data[0] != version) {
            throw new SerializationException("cannot decode " + typeName + " from " + topic + ": written in format "
                    + (data.length == 0 ? "none (empty)" : data[0] == '{' ? "JSON (an older build)" : "v" + data[0])
                    + ", this build reads v" + version + "; reset the streams application to rebuild its state");
        }
        try {
            return codec.read(new ByteReader(data, 1));
        } catch (IOException e) {
            throw new SerializationException("cannot decode " + typeName + " from " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Writes a string that may be null. */
    public static void writeNullable(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    /** Reads a string written by {@link #writeNullable}. */
    public static String readNullable(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Writes a map of figures by code (grade, material). */
    public static void writeFigures(DataOutput out, Map<String, Double> figures) throws IOException {
        out.writeInt(figures.size());
        for (Map.Entry<String, Double> entry : figures.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeDouble(entry.getValue());
        }
    }

    /** Reads a map written by {@link #writeFigures}. */
    public static Map<String, Double> readFigures(DataInput in) throws IOException {
        int size = in.readInt();
        Map<String, Double> figures = new HashMap<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) {
            figures.put(in.readUTF(), in.readDouble());
        }
        return figures;
    }
}
