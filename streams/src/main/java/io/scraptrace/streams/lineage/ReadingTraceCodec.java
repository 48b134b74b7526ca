package io.scraptrace.streams.lineage;

import static io.scraptrace.streams.serde.BinarySerde.readNullable;
import static io.scraptrace.streams.serde.BinarySerde.writeNullable;

import io.scraptrace.streams.serde.BinarySerde;
import io.scraptrace.streams.serde.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;

/**
 * Binary layout of {@link ReadingTrace} in the lineage store: one is written for every reading; an
 * expired one is a single flag.
 */
final class ReadingTraceCodec implements StateCodec<ReadingTrace> {
    private static final int VERSION = 2;

    private ReadingTraceCodec() {
    }

    /** The serde of the lineage store. */
    static Serde<ReadingTrace> serde() {
        return new BinarySerde<>("ReadingTrace", VERSION, new ReadingTraceCodec());
    }

    @Override
    public void write(DataOutput out, ReadingTrace trace) throws IOException {
        out.writeBoolean(trace.expired());
        if (trace.expired()) {
            return;
        }
        out.writeUTF(trace.eventId());
        writeNullable(out, trace.stationId());
        writeNullable(out, trace.sensor());
        out.writeLong(trace.timestamp());
        out.writeDouble(trace.massKg());
        writeNullable(out, trace.grade());
        out.writeDouble(trace.confidence());
        writeNullable(out, trace.modelVersion());
        writeNullable(out, trace.frameId());
    }

    @Override
    public ReadingTrace read(DataInput in) throws IOException {
        if (in.readBoolean()) {
            return ReadingTrace.EXPIRED;
        }
        return new ReadingTrace(in.readUTF(), readNullable(in), readNullable(in), in.readLong(), in.readDouble(),
                readNullable(in), in.readDouble(), readNullable(in), readNullable(in));
    }
}
