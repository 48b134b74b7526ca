package io.scraptrace.streams.aggregates;

import static io.scraptrace.streams.serde.BinarySerde.readFigures;
import static io.scraptrace.streams.serde.BinarySerde.writeFigures;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.streams.serde.BinarySerde;
import io.scraptrace.streams.serde.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;

/**
 * Binary layout of the partial sums a lot partition's combiner keeps (rewritten for every reading)
 * and sends to the regional rollup. Internal: what is published and served stays Avro.
 */
public final class RegionPartialCodec implements StateCodec<RegionAggregate> {
    /** The layout, for state that embeds a partial sum. */
    public static final RegionPartialCodec INSTANCE = new RegionPartialCodec();

    private static final int VERSION = 1;
    private static final long NO_TIME = Long.MIN_VALUE;

    private RegionPartialCodec() {
    }

    /** The serde of the repartition by region. */
    static Serde<RegionAggregate> serde() {
        return new BinarySerde<>("RegionAggregate partial", VERSION, INSTANCE);
    }

    @Override
    public void write(DataOutput out, RegionAggregate a) throws IOException {
        out.writeUTF(a.getRegion());
        out.writeUTF(a.getWindow());
        writeTime(out, a.getWindowStart());
        writeTime(out, a.getWindowEnd());
        writeFigures(out, a.getTonnesByGrade());
        writeFigures(out, a.getTonnesByMaterial());
        for (double figure : new double[] {a.getHighGradeTonnes(), a.getBlackMassTonnes(), a.getUncertainTonnes(), a.getLiTonnes(),
                a.getNiTonnes(), a.getCoTonnes(), a.getConfidenceSum()}) {
            out.writeDouble(figure);
        }
        out.writeLong(a.getLots());
        out.writeLong(a.getReadings());
        out.writeLong(a.getUncertainReadings());
        writeTime(out, a.getUpdatedAt());
    }

    @Override
    public RegionAggregate read(DataInput in) throws IOException {
        String region = in.readUTF();
        String window = in.readUTF();
        Instant start = readTime(in);
        Instant end = readTime(in);
        var byGrade = readFigures(in);
        var byMaterial = readFigures(in);
        double highGrade = in.readDouble();
        double blackMass = in.readDouble();
        double uncertain = in.readDouble();
        double li = in.readDouble();
        double ni = in.readDouble();
        double co = in.readDouble();
        double confidenceSum = in.readDouble();
        long lots = in.readLong();
        long readings = in.readLong();
        long uncertainReadings = in.readLong();
        return new RegionAggregate(region, window, start, end, byGrade, byMaterial, highGrade, blackMass, uncertain, li, ni, co,
                lots, readings, uncertainReadings, confidenceSum, readTime(in));
    }

    private static void writeTime(DataOutput out, Instant time) throws IOException {
        out.writeLong(time == null ? NO_TIME : time.toEpochMilli());
    }

    private static Instant readTime(DataInput in) throws IOException {
        long millis = in.readLong();
        return millis == NO_TIME ? null : Instant.ofEpochMilli(millis);
    }
}
