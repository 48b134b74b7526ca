package io.scraptrace.streams.kpis;

import static io.scraptrace.streams.serde.BinarySerde.readFigures;
import static io.scraptrace.streams.serde.BinarySerde.writeFigures;

import io.scraptrace.streams.serde.BinarySerde;
import io.scraptrace.streams.serde.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;

/**
 * Binary layout of {@link MonthlyTotals}: in the combiner's per-partition sums (rewritten for every
 * reading), on the repartition by region and month, and in the monthly store, whose compacted
 * changelog is the long-lived history.
 */
public final class MonthlyTotalsCodec implements StateCodec<MonthlyTotals> {
    /** The layout, for state that embeds monthly totals. */
    public static final MonthlyTotalsCodec INSTANCE = new MonthlyTotalsCodec();

    private static final int VERSION = 1;

    private MonthlyTotalsCodec() {
    }

    /** The serde of monthly totals wherever they are stored or sent. */
    static Serde<MonthlyTotals> serde() {
        return new BinarySerde<>("MonthlyTotals", VERSION, INSTANCE);
    }

    @Override
    public void write(DataOutput out, MonthlyTotals totals) throws IOException {
        writeFigures(out, totals.intakeKgByGrade);
        out.writeDouble(totals.liKg);
        out.writeDouble(totals.niKg);
        out.writeDouble(totals.coKg);
        out.writeLong(totals.readings);
        writeFigures(out, totals.exportedKgByMaterial);
        writeFigures(out, totals.exportedKgByGrade);
        writeFigures(out, totals.withoutConsentKgByMaterial);
        writeFigures(out, totals.withoutConsentKgByGrade);
        out.writeLong(totals.declarations);
    }

    @Override
    public MonthlyTotals read(DataInput in) throws IOException {
        return new MonthlyTotals(readFigures(in), in.readDouble(), in.readDouble(), in.readDouble(), in.readLong(),
                readFigures(in), readFigures(in), readFigures(in), readFigures(in), in.readLong());
    }
}
