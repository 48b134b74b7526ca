package io.scraptrace.streams.alerts.state;

import static io.scraptrace.streams.serde.BinarySerde.readFigures;
import static io.scraptrace.streams.serde.BinarySerde.writeFigures;

import io.scraptrace.streams.alerts.model.DeclaredLot;
import io.scraptrace.streams.alerts.model.LotAnswer;
import io.scraptrace.streams.alerts.model.LotFacts;
import io.scraptrace.streams.serde.BinarySerde;
import io.scraptrace.streams.serde.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;

/** Binary layout of {@link DeclaredLot}: the listed flag and the latest answer with the lot's facts. */
public final class DeclaredLotCodec implements StateCodec<DeclaredLot> {
    private static final int VERSION = 1;

    private DeclaredLotCodec() {
    }

    /** The serde of the site ledger's per-lot entries. */
    public static Serde<DeclaredLot> serde() {
        return new BinarySerde<>("DeclaredLot", VERSION, new DeclaredLotCodec());
    }

    @Override
    public void write(DataOutput out, DeclaredLot lot) throws IOException {
        out.writeBoolean(lot.declared());
        LotAnswer answer = lot.answer();
        out.writeBoolean(answer != null);
        if (answer == null) {
            return;
        }
        out.writeUTF(answer.declarationId());
        out.writeUTF(answer.lotId());
        out.writeUTF(answer.claimedBy());
        LotFacts facts = answer.facts();
        out.writeUTF(facts.siteId());
        writeFigures(out, facts.massByGrade());
        out.writeLong(facts.readings());
        out.writeDouble(facts.confidenceSum());
        LotListCodec.writeStrings(out, facts.modelVersions());
    }

    @Override
    public DeclaredLot read(DataInput in) throws IOException {
        boolean declared = in.readBoolean();
        if (!in.readBoolean()) {
            return new DeclaredLot(declared, null);
        }
        String declarationId = in.readUTF();
        String lotId = in.readUTF();
        String claimedBy = in.readUTF();
        LotFacts facts = new LotFacts(in.readUTF(), readFigures(in), in.readLong(), in.readDouble(), Set.copyOf(LotListCodec.readStrings(in)));
        return new DeclaredLot(declared, new LotAnswer(declarationId, lotId, facts, claimedBy));
    }
}
