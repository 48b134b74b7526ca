package io.scraptrace.streams.serde;

import java.io.DataOutput;
import java.io.UTFDataFormatException;
import java.util.Arrays;

/**
 * A growable byte array written through {@link DataOutput}, byte for byte what a
 * {@code DataOutputStream} writes (big-endian, modified UTF-8), without its per-call locking and
 * stream layers: state is encoded for every store write, so the encoder's own overhead counts.
 * Not thread-safe; one per value encoded. Public for the lot digest, whose canonical form is written
 * the same way for every reading.
 */
public final class ByteWriter implements DataOutput {
    private static final int MAX_UTF_BYTES = 65_535;

    private byte[] bytes;
    private int size;

    /** A writer whose array starts at {@code initialCapacity} bytes. */
    public ByteWriter(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    /** What was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            writeChar(s.charAt(i));
        }
    }

    @Override
    public void writeUTF(String s) throws UTFDataFormatException {
        int length = s.length();
        int utfLength = length;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x800) {
                utfLength += 2;
            } else if (c >= 0x80 || c == 0) {
                utfLength += 1;
            }
        }
        if (utfLength > MAX_UTF_BYTES) {
            throw new UTFDataFormatException("encoded string too long: " + utfLength + " bytes");
        }
        writeShort(utfLength);
        ensure(utfLength);
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x01 && c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c >= 0x800) {
                bytes[size++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            } else {
                bytes[size++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }
}
