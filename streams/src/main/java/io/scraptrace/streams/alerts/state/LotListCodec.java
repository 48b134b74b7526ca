package io.scraptrace.streams.alerts.state;

import io.scraptrace.streams.serde.BinarySerde;
import io.scraptrace.streams.serde.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/** Binary layout of a declaration's lot list, as declared: a count, then each lot id. */
public final class LotListCodec implements StateCodec<List<String>> {
    private static final int VERSION = 1;

    private LotListCodec() {
    }

    /** The serde of the site ledger's lot lists. */
    public static Serde<List<String>> serde() {
        return new BinarySerde<>("LotList", VERSION, new LotListCodec());
    }

    @Override
    public void write(DataOutput out, List<String> lots) throws IOException {
        writeStrings(out, lots);
    }

    @Override
    public List<String> read(DataInput in) throws IOException {
        return readStrings(in);
    }

    /** Writes a count, then each string. */
    static void writeStrings(DataOutput out, Collection<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String string : strings) {
            out.writeUTF(string);
        }
    }

    /** Reads what {@link #writeStrings} wrote, in order. */
    static List<String> readStrings(DataInput in) throws IOException {
        int size = in.readInt();
        List<String> strings = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            strings.add(in.readUTF());
        }
        return List.copyOf(strings);
    }
}
