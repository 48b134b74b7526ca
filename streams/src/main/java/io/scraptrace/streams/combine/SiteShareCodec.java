package io.scraptrace.streams.combine;

import static io.scraptrace.streams.serde.BinarySerde.readFigures;
import static io.scraptrace.streams.serde.BinarySerde.writeFigures;

import io.scraptrace.streams.aggregates.RegionPartialCodec;
import io.scraptrace.streams.serde.BinarySerde;
import io.scraptrace.streams.serde.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;

/** Binary layout of a {@link SiteShare} in the combiner's store: rewritten for every reading. */
final class SiteShareCodec implements StateCodec<SiteShare> {
    private static final int VERSION = 1;

    private SiteShareCodec() {
    }

    /** The serde of the combiner's store. */
    static Serde<SiteShare> serde() {
        return new BinarySerde<>("SiteShare", VERSION, new SiteShareCodec());
    }

    @Override
    public void write(DataOutput out, SiteShare share) throws IOException {
        out.writeUTF(share.siteId());
        RegionPartialCodec.INSTANCE.write(out, share.partial());
        writeFigures(out, share.intakeKg());
    }

    @Override
    public SiteShare read(DataInput in) throws IOException {
        return new SiteShare(in.readUTF(), RegionPartialCodec.INSTANCE.read(in), readFigures(in));
    }
}
