package io.scraptrace.streams.balance;

import static io.scraptrace.streams.serde.BinarySerde.readFigures;
import static io.scraptrace.streams.serde.BinarySerde.writeFigures;

import io.scraptrace.streams.serde.BinarySerde;
import io.scraptrace.streams.serde.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;

/**
 * Binary layout of {@link SiteBalance}: in the per-partition intake sums (rewritten for every
 * reading), on the repartition by site, and in the balance store.
 */
final class SiteBalanceCodec implements StateCodec<SiteBalance> {
    private static final int VERSION = 1;

    private SiteBalanceCodec() {
    }

    /** The serde of site balances wherever they are stored or sent. */
    static Serde<SiteBalance> serde() {
        return new BinarySerde<>("SiteBalance", VERSION, new SiteBalanceCodec());
    }

    @Override
    public void write(DataOutput out, SiteBalance balance) throws IOException {
        writeFigures(out, balance.intakeKgByGrade());
        writeFigures(out, balance.exportedKgByMaterial());
        writeFigures(out, balance.exportedKgByGrade());
        out.writeLong(balance.readings());
        out.writeLong(balance.declarations());
    }

    @Override
    public SiteBalance read(DataInput in) throws IOException {
        return new SiteBalance(readFigures(in), readFigures(in), readFigures(in), in.readLong(), in.readLong());
    }
}
