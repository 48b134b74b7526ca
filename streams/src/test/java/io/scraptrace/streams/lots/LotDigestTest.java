package io.scraptrace.streams.lots;

import static io.scraptrace.streams.testing.Records.T0;
import static io.scraptrace.streams.testing.Records.graded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.Sensor;
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

    @Test
    void givesTheDigestsPassportsWereIssuedWith() {
        // Expected values computed by the first implementation of sha256-chain-v1 (a DataOutputStream
        // and sorted maps): a passport issued by any build must verify with every later one.
        Map<String, Double> probabilities = Map.of("BM_NMC", 0.9, "BM_LCO", 0.07, "BM_OFFSPEC", 0.03);
        GradedReading graded = GradedReading.newBuilder().setEventId("e1").setSiteId("S1").setStationId("LIBS-2").setLotId("L1")
                .setTimestamp(T0).setSensor(Sensor.LIBS).setMassKg(200.5)
                .setComposition(Map.of("Ni", 20.0, "Co", 6.5, "Li", 3.5, "Mn", 5.25, "C", 33.0)).setGrade("BM_NMC")
                .setMaterial(Material.BLACK_MASS).setHighGrade(true).setConfidence(0.9).setProbabilities(probabilities)
                .setModelVersion("sensor-2026.11.25-42").setGradedAt(T0.plusMillis(1500)).build();
        GradedReading uncertain = GradedReading.newBuilder(graded).setEventId("e2").setMassKg(180).setGrade("UNCERTAIN")
                .setMaterial(Material.UNKNOWN).setHighGrade(false).setConfidence(0.41).setFrameId("F-7")
                .setUncertainReason("confidence 0.41 below 0.60: BM_NMC 0.41, BM_LCO 0.39").setTimestamp(T0.plusSeconds(5)).build();

        assertEquals(397, LotDigest.canonical(graded).length);
        assertEquals("21877efda80a29ce7a6426047b21d1ea386bd6098338e95bf8ed49a6b05bf3ab", LotDigest.initial().next(graded).hex());
        assertEquals("bf92349f38ca6de19dbb77d9abe7d71bff3406a6966cf8e11adb6692db2964a2",
                LotDigest.initial().next(graded).next(uncertain).hex());
    }
}
