package io.scraptrace.specimens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Material;
import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.grades.Range;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PieceGeneratorTest {
    private static final GradeCatalogue CATALOGUE = GradeCatalogue.get();
    private static final int PER_GRADE = 300;

    @Test
    void realisticStationsStayWithinTheCalibrationTheirReferenceCheckLetsPass() {
        // Station clips a bias at three standard deviations.
        assertTrue(3 * SensorRealism.REALISTIC.biasSigma() <= InstrumentFacts.CALIBRATION_TOLERANCE);
        for (Sensor sensor : List.of(Sensor.XRF, Sensor.LIBS, Sensor.ASSAY)) {
            for (int number = 1; number <= SensorRealism.REALISTIC.stationsPerSensor(); number++) {
                Station station = Station.of(sensor, number, SensorRealism.REALISTIC);
                for (String element : List.of("Fe", "Cu", "Sn", "Al", "Ni", "Co", "Li")) {
                    assertTrue(Math.abs(station.calibration(element) - 1) <= InstrumentFacts.CALIBRATION_TOLERANCE, station.id() + " " + element);
                }
            }
        }
    }

    @Test
    void aMixWithoutAStationTypeNeverPicksItAndKeepsTheOthers() {
        SensorMix belt = SensorMix.ALL_STATIONS.without(Sensor.WEIGHBRIDGE);
        PieceGenerator generator = new PieceGenerator(3, CorruptionRates.NONE, belt);
        EnumMap<Sensor, Integer> seen = new EnumMap<>(Sensor.class);
        for (int i = 0; i < 2000; i++) {
            seen.merge(generator.sensorFor(Material.FERROUS), 1, Integer::sum);
        }
        assertFalse(seen.containsKey(Sensor.WEIGHBRIDGE), seen.toString());
        assertEquals(Set.of(Sensor.XRF, Sensor.LIBS, Sensor.XRT, Sensor.MAGNETIC, Sensor.ASSAY), seen.keySet());
        assertThrows(IllegalArgumentException.class, () -> SensorMix.only(Sensor.XRF).without(Sensor.XRF));
    }

    @Test
    void cleanPiecesStayWithinEveryCatalogueRange() {
        PieceGenerator generator = new PieceGenerator(1, CorruptionRates.NONE, SensorMix.ALL_STATIONS);
        for (Grade grade : CATALOGUE.grades()) {
            for (int i = 0; i < PER_GRADE; i++) {
                LabelledPiece piece = generator.next(grade.code());
                PieceProperties truth = piece.truth();
                assertEquals(Corruption.CLEAN, piece.corruption());
                assertEquals(grade.code(), piece.label());
                assertEquals(grade.composition().keySet(), truth.composition().keySet(), grade.code());
                grade.composition().forEach((element, range) -> assertTrue(range.contains(truth.composition().get(element)),
                        grade.code() + " " + element + "=" + truth.composition().get(element)));
                assertTrue(CompositionSampler.total(truth.composition()) <= 100.0 + 1e-9, grade.code());
                assertTrue(grade.densityGcc().contains(truth.densityGcc()), grade.code());
                assertTrue(grade.magneticFraction().contains(truth.magneticFraction()), grade.code());
                if (grade.thicknessMm() == null) {
                    assertNull(truth.thicknessMm(), grade.code());
                    assertNull(piece.reading().getThicknessMm(), grade.code());
                } else {
                    assertTrue(grade.thicknessMm().contains(truth.thicknessMm()), grade.code());
                }
                assertTrue(piece.reading().getMassKg() > 0, grade.code());
            }
        }
    }

    @Test
    void cleanPiecesCentreOnTheTypicalComposition() {
        PieceGenerator generator = new PieceGenerator(2, CorruptionRates.NONE, SensorMix.only(Sensor.ASSAY), SensorRealism.IDEAL);
        for (Grade grade : CATALOGUE.grades()) {
            Map<String, Double> sums = new java.util.HashMap<>();
            for (int i = 0; i < PER_GRADE; i++) {
                generator.next(grade.code()).reading().getComposition().forEach((e, v) -> sums.merge(e, v, Double::sum));
            }
            grade.composition().forEach((element, range) -> {
                double mean = sums.get(element) / PER_GRADE;
                double tolerance = (range.max() - range.min()) / 4;
                assertEquals(range.typical(), mean, tolerance, grade.code() + " mean " + element);
            });
        }
    }

    @Test
    void everyReadingPassesTheContractLimits() {
        PieceGenerator generator = new PieceGenerator(3, new CorruptionRates(0.1, 0.2), SensorMix.ALL_STATIONS);
        for (int i = 0; i < 5000; i++) {
            Reading reading = generator.next().reading();
            double total = 0;
            for (double value : reading.getComposition().values()) {
                assertTrue(value >= 0 && value <= 100, reading.toString());
                total += value;
            }
            assertTrue(total <= 100.5, reading.toString());
            assertTrue(reading.getMassKg() > 0);
            if (reading.getMagneticFraction() != null) {
                assertTrue(reading.getMagneticFraction() >= 0 && reading.getMagneticFraction() <= 1);
            }
        }
    }

    @Test
    void xrfCannotSeeLithiumOrCarbonButLibsCan() {
        PieceGenerator generator = new PieceGenerator(4, CorruptionRates.NONE, SensorMix.ANALYSERS);
        for (int i = 0; i < 100; i++) {
            Map<String, Double> xrf = generator.next("BM_NMC", Sensor.XRF).reading().getComposition();
            assertFalse(xrf.containsKey("Li") || xrf.containsKey("C"), xrf.toString());
            assertTrue(xrf.containsKey("Ni") && xrf.containsKey("Co"), xrf.toString());
            Map<String, Double> libs = generator.next("BM_NMC", Sensor.LIBS).reading().getComposition();
            assertTrue(libs.containsKey("Li") && libs.containsKey("C"), libs.toString());
        }
    }

    @Test
    void stationsReportBelowTheDetectionLimitTheirOwnWay() {
        // Mo in new-cut sheet is mostly below XRF's 0.003 % limit.
        Map<BelowLimit, Integer> seen = new EnumMap<>(BelowLimit.class);
        for (BelowLimit convention : BelowLimit.values()) {
            PieceGenerator generator = new PieceGenerator(12, CorruptionRates.NONE, SensorMix.only(Sensor.XRF),
                    SensorRealism.IDEAL.withBelowLimit(convention));
            for (int i = 0; i < 200; i++) {
                LabelledPiece piece = generator.next("FE_NEW_CUT");
                Double mo = piece.reading().getComposition().get("Mo");
                if (piece.truth().composition().get("Mo") < 0.001) {
                    switch (convention) {
                        case ZERO -> assertEquals(0.0, mo);
                        case AT_LIMIT -> assertEquals(0.003, mo, 1e-9);
                        case OMITTED -> assertNull(mo);
                    }
                    seen.merge(convention, 1, Integer::sum);
                }
            }
        }
        assertEquals(BelowLimit.values().length, seen.size(), "every convention exercised: " + seen);
    }

    @Test
    void aStationKeepsItsCalibrationBiasAndStationsDiffer() {
        SensorRealism biased = SensorRealism.REALISTIC.withBiasSigma(0.05);
        Station one = Station.of(Sensor.XRF, 1, biased);
        Station two = Station.of(Sensor.XRF, 2, biased);
        assertEquals(one.calibration("Cu"), Station.of(Sensor.XRF, 1, biased).calibration("Cu"));
        assertNotEquals(one.calibration("Cu"), two.calibration("Cu"));
        assertTrue(Math.abs(one.calibration("Cu") - 1) <= 0.15);
        assertEquals(1.0, Station.of(Sensor.XRF, 1, SensorRealism.IDEAL).calibration("Cu"));
    }

    @Test
    void optionalFieldsGoMissingAtTheConfiguredRate() {
        PieceGenerator generator = new PieceGenerator(13, CorruptionRates.NONE, SensorMix.only(Sensor.XRF),
                SensorRealism.IDEAL.withMissingFieldRate(0.5));
        int missing = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            if (generator.next("FE_HS").reading().getThicknessMm() == null) {
                missing++;
            }
        }
        assertShare(0.5, missing, n);
    }

    @Test
    void relativeNoiseGrowsAsConcentrationFalls() {
        SensorProfile xrf = SensorProfile.of(Sensor.XRF);
        assertTrue(xrf.sigma("Cu", 0.01, 1) / 0.01 > 5 * xrf.sigma("Cu", 10, 1) / 10);
        assertEquals(Double.POSITIVE_INFINITY, xrf.detectionLimit("Li"));
        assertTrue(SensorProfile.of(Sensor.LIBS).sees("Li") && SensorProfile.of(Sensor.ASSAY).sees("C"));
    }

    @Test
    void assayIsMorePreciseThanXrfAndXrfThanLibs() {
        assertTrue(spreadOfCopper(Sensor.ASSAY) < spreadOfCopper(Sensor.XRF));
        assertTrue(spreadOfCopper(Sensor.XRF) < spreadOfCopper(Sensor.LIBS));
    }

    /** Standard deviation of measured minus true Cu in FE_HS pieces. */
    private static double spreadOfCopper(Sensor sensor) {
        PieceGenerator generator = new PieceGenerator(5, CorruptionRates.NONE, SensorMix.only(sensor), SensorRealism.IDEAL);
        double sum = 0;
        double sumSquares = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            LabelledPiece piece = generator.next("FE_HS");
            double error = piece.reading().getComposition().get("Cu") - piece.truth().composition().get("Cu");
            sum += error;
            sumSquares += error * error;
        }
        double mean = sum / n;
        return Math.sqrt(sumSquares / n - mean * mean);
    }

    @Test
    void sensorsReportOnlyWhatTheyMeasure() {
        PieceGenerator generator = new PieceGenerator(6, CorruptionRates.NONE, SensorMix.ALL_STATIONS);
        Reading weighbridge = generator.next("FE_HS", Sensor.WEIGHBRIDGE).reading();
        assertTrue(weighbridge.getComposition().isEmpty());
        assertNull(weighbridge.getDensityGcc());
        Reading xrt = generator.next("AL_CAST", Sensor.XRT).reading();
        assertTrue(xrt.getComposition().isEmpty());
        assertTrue(CATALOGUE.find("AL_CAST").orElseThrow().densityGcc().typical() - xrt.getDensityGcc() < 0.2);
        Reading nir = generator.next("BM_LFP", Sensor.NIR).reading();
        assertTrue(nir.getMoisturePct() != null && nir.getThicknessMm() == null);
    }

    @Test
    void corruptionRatesAreAsConfigured() {
        double mislabelled = 0.08;
        double contaminated = 0.15;
        int n = 8000;
        PieceGenerator generator = new PieceGenerator(7, new CorruptionRates(mislabelled, contaminated), SensorMix.ANALYSERS);
        Map<Corruption, Integer> counts = new EnumMap<>(Corruption.class);
        for (int i = 0; i < n; i++) {
            LabelledPiece piece = generator.next();
            counts.merge(piece.corruption(), 1, Integer::sum);
            if (piece.corruption() == Corruption.MISLABELLED) {
                assertNotEquals(piece.trueGrade(), piece.label());
                assertTrue(generator.neighboursOf(piece.trueGrade()).contains(piece.label()));
            } else {
                assertEquals(piece.trueGrade(), piece.label());
            }
        }
        assertShare(mislabelled, counts.getOrDefault(Corruption.MISLABELLED, 0), n);
        assertShare(contaminated, counts.getOrDefault(Corruption.CONTAMINATED, 0), n);
    }

    /** Observed share within 4 standard errors of the expected one (fails by chance ~1 in 16,000). */
    private static void assertShare(double expected, int observed, int n) {
        double standardError = Math.sqrt(expected * (1 - expected) / n);
        assertEquals(expected, (double) observed / n, 4 * standardError, "share");
    }

    @Test
    void contaminatedShreddedSteelCarriesCopperAboveItsLimit() {
        PieceGenerator generator = new PieceGenerator(8, new CorruptionRates(0, 1), SensorMix.ANALYSERS);
        double limit = CATALOGUE.find("FE_SHRED_A").orElseThrow().limits().get("Cu");
        for (int i = 0; i < 200; i++) {
            LabelledPiece piece = generator.next("FE_SHRED_A");
            assertEquals(Corruption.CONTAMINATED, piece.corruption());
            assertTrue(piece.truth().composition().get("Cu") > limit, piece.truth().toString());
            assertTrue(CompositionSampler.total(piece.truth().composition()) <= 100.0 + 1e-9);
        }
        Range aluminiumInBlackMass = CATALOGUE.find("BM_NMC").orElseThrow().composition().get("Al");
        LabelledPiece foil = generator.next("BM_NMC");
        assertTrue(foil.truth().composition().get("Al") > aluminiumInBlackMass.min() + 3);
    }

    @Test
    void neighboursAreOfTheSameMaterialWhereTheCatalogueHasSome() {
        PieceGenerator generator = new PieceGenerator(9, CorruptionRates.NONE, SensorMix.ANALYSERS);
        for (Grade grade : CATALOGUE.grades()) {
            long sameMaterial = CATALOGUE.grades().stream().filter(g -> g.material() == grade.material()).count();
            List<String> neighbours = generator.neighboursOf(grade.code());
            assertFalse(neighbours.isEmpty(), grade.code());
            assertFalse(neighbours.contains(grade.code()), grade.code());
            if (sameMaterial > 1) {
                for (String neighbour : neighbours) {
                    assertEquals(grade.material(), CATALOGUE.materialOf(neighbour), grade.code() + " -> " + neighbour);
                }
            }
        }
        assertEquals(List.of("CU_NO2"), generator.neighboursOf("CU_NO1"));
        assertEquals(CATALOGUE.materialOf("AL_CAST"), CATALOGUE.materialOf(generator.neighboursOf("MIXED_NF").get(0)));
    }

    @Test
    void sameSeedGivesSamePiecesAndAnotherSeedDifferentOnes() {
        List<Reading> first = readings(42);
        assertEquals(first, readings(42));
        assertNotEquals(first, readings(43));
    }

    private static List<Reading> readings(long seed) {
        PieceGenerator generator = new PieceGenerator(seed, new CorruptionRates(0.1, 0.1), SensorMix.ALL_STATIONS);
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            readings.add(generator.next().reading());
        }
        return readings;
    }
}
