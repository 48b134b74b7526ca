package io.scraptrace.streams.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast encoder and decoder must keep the layout a DataOutputStream writes, so stored state reads the same. */
class ByteWriterReaderTest {
    private static final List<String> STRINGS = List.of("", "BL-42|ev-1", "Zürich", "東京 yard", "nul\u0000inside", "\uffff", "x".repeat(300));

    private static void writeAll(DataOutput out) throws IOException {
        out.writeByte(7);
        out.writeBoolean(true);
        out.writeBoolean(false);
        out.writeShort(-2);
        out.writeInt(Integer.MIN_VALUE + 5);
        out.writeLong(-1234567890123456789L);
        out.writeDouble(12.345);
        out.writeDouble(Double.NaN);
        out.writeFloat(-0.5f);
        for (String s : STRINGS) {
            out.writeUTF(s);
        }
    }

    @Test
    void writesWhatADataOutputStreamWrites() throws IOException {
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(reference)) {
            writeAll(out);
        }
        ByteWriter writer = new ByteWriter(4);
        writeAll(writer);
        assertArrayEquals(reference.toByteArray(), writer.toByteArray());
    }

    @Test
    void readsBackEveryField() throws IOException {
        ByteWriter writer = new ByteWriter(16);
        writeAll(writer);
        DataInput in = new ByteReader(writer.toByteArray(), 0);
        assertEquals(7, in.readByte());
        assertEquals(true, in.readBoolean());
        assertEquals(false, in.readBoolean());
        assertEquals(-2, in.readShort());
        assertEquals(Integer.MIN_VALUE + 5, in.readInt());
        assertEquals(-1234567890123456789L, in.readLong());
        assertEquals(12.345, in.readDouble());
        assertEquals(Double.NaN, in.readDouble());
        assertEquals(-0.5f, in.readFloat());
        for (String s : STRINGS) {
            assertEquals(s, in.readUTF());
        }
    }

    @Test
    void aTruncatedValueIsAnEndOfFileNotGarbage() throws IOException {
        ByteWriter writer = new ByteWriter(16);
        writer.writeLong(42);
        writer.writeUTF("Zürich");
        byte[] whole = writer.toByteArray();
        assertThrows(EOFException.class, () -> new ByteReader(Arrays.copyOf(whole, 5), 0).readLong());
        ByteReader cut = new ByteReader(Arrays.copyOf(whole, whole.length - 1), 0);
        assertEquals(42, cut.readLong());
        assertThrows(EOFException.class, cut::readUTF);
    }
}
