package io.scraptrace.streams.serde;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Hand-written binary layout of one state type that is read and rewritten for every reading. Such
 * state is (de)serialized on every store access, even when the record cache holds it, and JSON was
 * the largest single cost of the topology; see {@link BinarySerde}.
 *
 * @param <T> the state type
 */
public interface StateCodec<T> {
    /** Writes {@code value}'s fields in this codec's order. */
    void write(DataOutput out, T value) throws IOException;

    /** Reads a value written by {@link #write}. */
    T read(DataInput in) throws IOException;
}
