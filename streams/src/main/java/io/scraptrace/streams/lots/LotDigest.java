package io.scraptrace.streams.lots;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.streams.serde.ByteWriter;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The running tamper-evidence digest of a lot: {@code d0} is 32 zero bytes and
 * {@code dn = SHA-256(d(n-1) || canonical(record n))} over the lot's deduplicated graded records in
 * the order the streams application processed them (the lot's partition order in the graded
 * topic). Extending it costs one hash of a few hundred bytes per reading, and anyone holding the
 * graded topic can recompute it: a digest that still matches shows that no graded record of the lot
 * was altered, dropped, reordered or added since.
 * <p>
 * The canonical bytes of a record are its schema's fields in declaration order, each as name and
 * value, maps sorted by key; a field holding its schema default is left out, so adding an optional
 * field to the graded schema leaves the digests of records written before it valid.
 */
public final class LotDigest {
    /** Marks a field without a default in {@link #DEFAULTS}. */
    private static final Object NO_DEFAULT = new Object();
    private static final Object[] DEFAULTS = defaults(GradedReading.getClassSchema());

    /** Names the algorithm and canonical form, so a verifier knows how a digest was made. */
    public static final String ALGORITHM = "sha256-chain-v1";
    private static final int SIZE = 32;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(LotDigest::sha256);
    private static final LotDigest INITIAL = new LotDigest(new byte[SIZE]);

    private final byte[] bytes;

    private LotDigest(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The digest of a lot with no readings. */
    public static LotDigest initial() {
        return INITIAL;
    }

    /** A digest from its lower-case or upper-case hex form, as a passport shows it. */
    public static LotDigest ofHex(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a lot digest has " + SIZE + " bytes, not " + bytes.length);
        }
        return new LotDigest(bytes);
    }

    /** Reads a digest written by {@link #writeTo}. */
    static LotDigest read(DataInput in) throws IOException {
        byte[] bytes = new byte[SIZE];
        in.readFully(bytes);
        return new LotDigest(bytes);
    }

    /** Writes its bytes (for the lots store). */
    void writeTo(DataOutput out) throws IOException {
        out.write(bytes);
    }

    /** The digest after one more record. */
    public LotDigest next(GradedReading record) {
        MessageDigest sha = SHA256.get();
        sha.update(bytes);
        sha.update(canonical(record));
        return new LotDigest(sha.digest());
    }

    /** Lower-case hex, as the passport shows it. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The canonical bytes of a graded record that the chain hashes. */
    public static byte[] canonical(GradedReading record) {
        ByteWriter out = new ByteWriter(384);
        try {
            for (Schema.Field field : record.getSchema().getFields()) {
                Object value = record.get(field.pos());
                if (isDefault(field, value)) {
                    continue;
                }
                out.writeUTF(field.name());
                write(out, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean isDefault(Schema.Field field, Object value) {
        Object defaultValue = DEFAULTS[field.pos()];
        return defaultValue != NO_DEFAULT && Objects.equals(defaultValue, normalised(value));
    }

    /** Each field's default, normalised, by position: worked out once, not for every reading. */
    private static Object[] defaults(Schema schema) {
        return schema.getFields().stream()
                .map(field -> field.hasDefaultValue() ? normalised(SpecificData.get().getDefaultValue(field)) : NO_DEFAULT)
                .toArray();
    }

    private static Object normalised(Object value) {
        return value instanceof CharSequence text ? text.toString() : value;
    }

    private static void write(DataOutput out, Object value) throws IOException {
        // One tag byte per type keeps e.g. the string "1" and the number 1 apart.
        if (value == null) {
            out.writeByte('n');
        } else if (value instanceof CharSequence text) {
            out.writeByte('s');
            out.writeUTF(text.toString());
        } else if (value instanceof Instant instant) {
            out.writeByte('t');
            out.writeLong(instant.toEpochMilli());
        } else if (value instanceof Double || value instanceof Float) {
            out.writeByte('d');
            out.writeDouble(((Number) value).doubleValue());
        } else if (value instanceof Number number) {
            out.writeByte('l');
            out.writeLong(number.longValue());
        } else if (value instanceof Boolean flag) {
            out.writeByte('b');
            out.writeBoolean(flag);
        } else if (value instanceof Enum<?> symbol) {
            out.writeByte('e');
            out.writeUTF(symbol.name());
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte('m');
            // Sorted by key without an intermediate map: a reading's maps have a handful of entries.
            String[] keys = new String[map.size()];
            Object[] values = new Object[keys.length];
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                keys[i] = entry.getKey().toString();
                values[i++] = entry.getValue();
            }
            sortByKey(keys, values);
            out.writeInt(keys.length);
            for (int k = 0; k < keys.length; k++) {
                out.writeUTF(keys[k]);
                write(out, values[k]);
            }
        } else if (value instanceof List<?> list) {
            out.writeByte('a');
            out.writeInt(list.size());
            for (Object item : list) {
                write(out, item);
            }
        } else if (value instanceof org.apache.avro.generic.IndexedRecord nested) {
            out.writeByte('r');
            for (Schema.Field field : nested.getSchema().getFields()) {
                out.writeUTF(field.name());
                write(out, nested.get(field.pos()));
            }
        } else {
            throw new IllegalArgumentException("no canonical form for " + value.getClass().getName());
        }
    }

    /** Insertion sort of both arrays by {@code keys} (natural order, as a TreeMap): few entries, no allocation. */
    private static void sortByKey(String[] keys, Object[] values) {
        for (int i = 1; i < keys.length; i++) {
            String key = keys[i];
            Object value = values[i];
            int j = i - 1;
            while (j >= 0 && keys[j].compareTo(key) > 0) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = key;
            values[j + 1] = value;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LotDigest digest && Arrays.equals(bytes, digest.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
