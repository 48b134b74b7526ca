package io.scraptrace.streams.lots;

import static io.scraptrace.streams.testing.Records.T0;
import static io.scraptrace.streams.testing.Records.graded;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.streams.serde.BinarySerde;
import io.scraptrace.streams.testing.Records;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class LotStateCodecTest {
    private final Serde<LotState> serde = LotStateCodec.serde();

    @Test
    void aLotWithSeveralGradesAndModelsRoundTrips() {
        LotState lot = LotState.of(Records.graded("e1", "S1", "LOT-1", "FE_HS", 120.0, Records.T0))
                .add(Records.graded("e2", "S1", "LOT-1", "UNCERTAIN", 30.0, Records.T0.plusSeconds(60)));
        LotState read = roundTrip(lot);
        assertEquals(lot, read);
        assertEquals(150.0, read.massKg(), 1e-9);
    }

    @Test
    void aGradeOutsideTheCatalogueIsKeptAndMayWinTheLot() {
        LotState lot = LotState.of(graded("e1", "S1", "LOT-2", "FE_HS", 100, T0, Map.of("Fe", 99.0), 0.9))
                .add(graded("e2", "S1", "LOT-2", "SS_304", 150, T0.plusSeconds(5), Map.of("Cr", 18.0, "Ni", 8.0), 0.8))
                .add(graded("e3", "S1", "LOT-2", "UNCERTAIN", 50, T0.plusSeconds(9), Map.of("Ni", 2.0), 0.4));
        assertEquals(Map.of("FE_HS", 100.0, "SS_304", 150.0, "UNCERTAIN", 50.0), lot.massKgByGrade());
        assertEquals(Map.of("FE_HS", 90.0, "SS_304", 120.0, "UNCERTAIN", 20.0), lot.confidenceKgByGrade());
        assertEquals("SS_304", lot.dominantGrade());
        assertEquals(LotState.dominantGrade(lot.massKgByGrade()), lot.dominantGrade());
        assertEquals(120.0 / 300, lot.confidence(), 1e-12);
        assertEquals(50.0 / 300, lot.uncertainMassShare(), 1e-12);
        assertEquals(Map.of("Ni", 150 * 0.08 + 50 * 0.02), lot.contained());
        assertEquals(lot, roundTrip(lot));
    }

    @Test
    void equalMassesGoToTheAlphabeticallyFirstGradeAndUncertainNeverWins() {
        LotState lot = LotState.of(graded("e1", "S1", "LOT-3", "FE_H2", 100, T0))
                .add(graded("e2", "S1", "LOT-3", "UNCERTAIN", 900, T0.plusSeconds(1)))
                .add(graded("e3", "S1", "LOT-3", "FE_H1", 100, T0.plusSeconds(2)));
        assertEquals("FE_H1", lot.dominantGrade());
        assertEquals(LotState.dominantGrade(lot.massKgByGrade()), lot.dominantGrade());
    }

    @Test
    void readsLotsWrittenByEarlierBuildsWithTheirMapsInAnyOrder() throws IOException {
        LotState lot = LotState.of(graded("e1", "S1", "LOT-4", "BM_NMC", 200, T0, Map.of("Li", 3.5, "Ni", 20.0, "Co", 6.5), 0.9))
                .add(graded("e2", "S1", "LOT-4", "BM_LCO", 100, T0.plusSeconds(5), Map.of("Co", 20.0), 0.7));
        // Version 2 as the map-based lot state wrote it, the maps in reverse key order.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(2);
            out.writeUTF("LOT-4");
            out.writeUTF("S1");
            BinarySerde.writeFigures(out, reversed(lot.massKgByGrade()));
            out.writeLong(2);
            out.writeDouble(0.9 + 0.7);
            out.writeLong(T0.toEpochMilli());
            out.writeLong(T0.plusSeconds(5).toEpochMilli());
            out.writeLong(T0.plusSeconds(6).toEpochMilli());
            out.writeInt(1);
            out.writeUTF("model-7");
            BinarySerde.writeFigures(out, reversed(lot.confidenceKgByGrade()));
            BinarySerde.writeFigures(out, reversed(lot.contained()));
            out.write(java.util.HexFormat.of().parseHex(lot.digest().hex()));
        }
        assertEquals(lot, serde.deserializer().deserialize("t", bytes.toByteArray()));
        assertEquals(bytes.size(), serde.serializer().serialize("t", lot).length);
    }

    private LotState roundTrip(LotState lot) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", lot));
    }

    private static Map<String, Double> reversed(Map<String, Double> figures) {
        Map<String, Double> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.putAll(figures);
        return reversed;
    }
}
