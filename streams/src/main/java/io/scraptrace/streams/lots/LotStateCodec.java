package io.scraptrace.streams.lots;

import static io.scraptrace.streams.serde.BinarySerde.readFigures;

import io.scraptrace.streams.serde.BinarySerde;
import io.scraptrace.streams.serde.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;

/**
 * Binary layout of {@link LotState} in the lots store: written for every reading (read only when
 * the lot tracker does not hold the lot, and by queries). Version 2 added the confidence-weighted
 * mass, the contained battery metals and the digest; the figures by code are in
 * {@link BinarySerde#writeFigures}'s layout.
 */
final class LotStateCodec implements StateCodec<LotState> {
    private static final int VERSION = 2;

    private LotStateCodec() {
    }

    /** The serde of the lots store. */
    static Serde<LotState> serde() {
        return new BinarySerde<>("LotState", VERSION, new LotStateCodec());
    }

    @Override
    public void write(DataOutput out, LotState lot) throws IOException {
        out.writeUTF(lot.lotId());
        out.writeUTF(lot.siteId());
        lot.writeByGrade(out, false);
        out.writeLong(lot.readings());
        out.writeDouble(lot.confidenceSum());
        out.writeLong(lot.firstReadingAt());
        out.writeLong(lot.lastReadingAt());
        out.writeLong(lot.lastGradedAt());
        out.writeInt(lot.modelVersions().size());
        for (String version : lot.modelVersions()) {
            out.writeUTF(version);
        }
        lot.writeByGrade(out, true);
        lot.writeContained(out);
        lot.digest().writeTo(out);
    }

    @Override
    public LotState read(DataInput in) throws IOException {
        String lotId = in.readUTF();
        String siteId = in.readUTF();
        var masses = readFigures(in);
        long readings = in.readLong();
        double confidenceSum = in.readDouble();
        long first = in.readLong();
        long last = in.readLong();
        long lastGraded = in.readLong();
        int versionCount = in.readInt();
        Set<String> versions = new HashSet<>();
        for (int i = 0; i < versionCount; i++) {
            versions.add(in.readUTF());
        }
        var confidenceKg = readFigures(in);
        var contained = readFigures(in);
        return new LotState(lotId, siteId, masses, readings, confidenceSum, first, last, lastGraded, versions,
                confidenceKg, contained, LotDigest.read(in));
    }
}
