package io.scraptrace.streams.combine;

import io.scraptrace.streams.aggregates.RegionPartialCodec;
import io.scraptrace.streams.kpis.MonthlyTotalsCodec;
import io.scraptrace.streams.serde.BinarySerde;
import io.scraptrace.streams.serde.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;

/**
 * Binary layout of a {@link SiteShare} in the combiner's store: rewritten for every reading.
 * Version 2 added the month and holds the intake as the KPIs' monthly totals.
 */
final class SiteShareCodec implements StateCodec<SiteShare> {
    private static final int VERSION = 2;

    private SiteShareCodec() {
    }

    /** The serde of the combiner's store. */
    static Serde<SiteShare> serde() {
        return new BinarySerde<>("SiteShare", VERSION, new SiteShareCodec());
    }

    @Override
    public void write(DataOutput out, SiteShare share) throws IOException {
        out.writeUTF(share.siteId());
        out.writeUTF(share.month());
        RegionPartialCodec.INSTANCE.write(out, share.partial());
        MonthlyTotalsCodec.INSTANCE.write(out, share.intake());
    }

    @Override
    public SiteShare read(DataInput in) throws IOException {
        return new SiteShare(in.readUTF(), in.readUTF(), RegionPartialCodec.INSTANCE.read(in), MonthlyTotalsCodec.INSTANCE.read(in));
    }
}
