package io.scraptrace.streams.alerts.state;

import static io.scraptrace.streams.serde.BinarySerde.readNullable;
import static io.scraptrace.streams.serde.BinarySerde.writeNullable;

import io.scraptrace.avro.Material;
import io.scraptrace.streams.alerts.model.AnswerTally;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.DeclarationHeader;
import io.scraptrace.streams.alerts.model.SiteStatus;
import io.scraptrace.streams.serde.BinarySerde;
import io.scraptrace.streams.serde.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/** Binary layout of {@link DeclarationHeader}: the declaration without its lots, the counters and the exact sums. */
public final class DeclarationHeaderCodec implements StateCodec<DeclarationHeader> {
    private static final int VERSION = 1;

    private DeclarationHeaderCodec() {
    }

    /** The serde of the site ledger's declaration headers. */
    public static Serde<DeclarationHeader> serde() {
        return new BinarySerde<>("DeclarationHeader", VERSION, new DeclarationHeaderCodec());
    }

    @Override
    public void write(DataOutput out, DeclarationHeader header) throws IOException {
        Declaration d = header.declaration();
        out.writeBoolean(d != null);
        if (d != null) {
            writeDeclaration(out, d);
        }
        out.writeInt(header.lotsDeclared());
        out.writeInt(header.lotsAnswered());
        out.writeInt(header.lotsAtFault());
        writeTally(out, header.tally());
        out.writeDouble(header.exportedBeforeKg());
        out.writeBoolean(header.decided());
        writeNullable(out, header.lastVerdictDigest());
    }

    @Override
    public DeclarationHeader read(DataInput in) throws IOException {
        Declaration d = in.readBoolean() ? readDeclaration(in) : null;
        int declared = in.readInt();
        int answered = in.readInt();
        int atFault = in.readInt();
        AnswerTally tally = readTally(in);
        double exportedBefore = in.readDouble();
        boolean decided = in.readBoolean();
        return new DeclarationHeader(d, declared, answered, atFault, tally, exportedBefore, decided, readNullable(in));
    }

    private static void writeDeclaration(DataOutput out, Declaration d) throws IOException {
        writeNullable(out, d.declarationId());
        writeNullable(out, d.exporterId());
        writeNullable(out, d.siteId());
        writeNullable(out, d.port());
        writeNullable(out, d.hsCode());
        writeNullable(out, d.declaredMaterial() == null ? null : d.declaredMaterial().name());
        writeNullable(out, d.declaredGrade());
        out.writeDouble(d.massKg());
        out.writeDouble(d.valueJpy());
        writeNullable(out, d.destination());
        out.writeLong(d.timestamp());
        SiteStatus site = d.site();
        out.writeBoolean(site.registered());
        writeNullable(out, site.region());
        out.writeBoolean(site.licensed());
        writeNullable(out, site.licenseExpires());
    }

    private static Declaration readDeclaration(DataInput in) throws IOException {
        String id = readNullable(in);
        String exporter = readNullable(in);
        String siteId = readNullable(in);
        String port = readNullable(in);
        String hsCode = readNullable(in);
        String material = readNullable(in);
        String grade = readNullable(in);
        double massKg = in.readDouble();
        double valueJpy = in.readDouble();
        String destination = readNullable(in);
        long timestamp = in.readLong();
        SiteStatus site = new SiteStatus(in.readBoolean(), readNullable(in), in.readBoolean(), readNullable(in));
        // The header never holds the lot list: it is stored once, apart.
        return new Declaration(id, exporter, siteId, port, hsCode, material == null ? null : Material.valueOf(material), grade, massKg,
                valueJpy, destination, null, timestamp, site);
    }

    private static void writeTally(DataOutput out, AnswerTally tally) throws IOException {
        out.writeInt(tally.grades().size());
        for (Map.Entry<String, AnswerTally.GradeSum> grade : tally.grades().entrySet()) {
            out.writeUTF(grade.getKey());
            writeExact(out, grade.getValue().kg());
            out.writeInt(grade.getValue().answers());
        }
        out.writeLong(tally.readings());
        writeExact(out, tally.confidenceSum());
        out.writeInt(tally.modelVersions().size());
        for (Map.Entry<String, Integer> version : tally.modelVersions().entrySet()) {
            out.writeUTF(version.getKey());
            out.writeInt(version.getValue());
        }
    }

    private static AnswerTally readTally(DataInput in) throws IOException {
        int gradeCount = in.readInt();
        Map<String, AnswerTally.GradeSum> grades = new HashMap<>();
        for (int i = 0; i < gradeCount; i++) {
            String grade = in.readUTF();
            grades.put(grade, new AnswerTally.GradeSum(readExact(in), in.readInt()));
        }
        long readings = in.readLong();
        BigDecimal confidenceSum = readExact(in);
        int versionCount = in.readInt();
        Map<String, Integer> versions = new HashMap<>();
        for (int i = 0; i < versionCount; i++) {
            String version = in.readUTF();
            versions.put(version, in.readInt());
        }
        return new AnswerTally(grades, readings, confidenceSum, versions);
    }

    /** An exact decimal: its scale, then its unscaled value's two's-complement bytes. */
    private static void writeExact(DataOutput out, BigDecimal value) throws IOException {
        byte[] unscaled = value.unscaledValue().toByteArray();
        out.writeInt(value.scale());
        out.writeInt(unscaled.length);
        out.write(unscaled);
    }

    private static BigDecimal readExact(DataInput in) throws IOException {
        int scale = in.readInt();
        byte[] unscaled = new byte[in.readInt()];
        in.readFully(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
    }
}
