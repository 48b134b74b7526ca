package io.scraptrace.streams.lots;

import static io.scraptrace.streams.testing.Records.T0;
import static io.scraptrace.streams.testing.Records.graded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.scraptrace.avro.GradedReading;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LotDigestTest {
    private final GradedReading first = graded("e1", "S1", "L1", "BM_NMC", 200, T0, Map.of("Ni", 20.0, "Co", 6.5, "Li", 3.5), 0.9);
    private final GradedReading second = graded("e2", "S1", "L1", "BM_NMC", 180, T0.plusSeconds(5), Map.of("Ni", 19.0, "Co", 6.0), 0.8);

    @Test
    void isTheShaChainOverTheRecordsInOrder() throws Exception {
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(new byte[32]);
        sha.update(LotDigest.canonical(first));
        byte[] d1 = sha.digest();
        sha.update(d1);
        sha.update(LotDigest.canonical(second));
        byte[] d2 = sha.digest();

        LotDigest chained = LotDigest.initial().next(first).next(second);
        assertEquals(java.util.HexFormat.of().formatHex(d2), chained.hex());
        assertEquals(chained, LotDigest.ofHex(chained.hex().toUpperCase()));
        assertNotEquals(chained, LotDigest.initial().next(second).next(first), "order is part of the evidence");
    }

    @Test
    void changesWhenAnyFieldOfARecordChanges() {
        LotDigest honest = LotDigest.initial().next(first);
        GradedReading heavier = GradedReading.newBuilder(first).setMassKg(200.001).build();
        GradedReading regraded = GradedReading.newBuilder(first).setGrade("BM_LFP").build();
        GradedReading otherModel = GradedReading.newBuilder(first).setModelVersion("model-8").build();
        GradedReading withFrame = GradedReading.newBuilder(first).setFrameId("F-1").build();
        for (GradedReading forged : new GradedReading[] {heavier, regraded, otherModel, withFrame}) {
            assertNotEquals(honest, LotDigest.initial().next(forged), forged.toString());
        }
    }

    @Test
    void canonicalBytesDoNotDependOnMapOrder() {
        Map<String, Double> reversed = new LinkedHashMap<>();
        reversed.put("Li", 3.5);
        reversed.put("Co", 6.5);
        reversed.put("Ni", 20.0);
        Map<String, Double> ordered = new LinkedHashMap<>();
        ordered.put("Co", 6.5);
        ordered.put("Li", 3.5);
        ordered.put("Ni", 20.0);
        assertArrayEquals(LotDigest.canonical(GradedReading.newBuilder(first).setComposition(ordered).build()),
                LotDigest.canonical(GradedReading.newBuilder(first).setComposition(reversed).build()));
    }
}
