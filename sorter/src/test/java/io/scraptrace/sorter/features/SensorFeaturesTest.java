package io.scraptrace.sorter.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import io.scraptrace.specimens.SensorProfile;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorFeaturesTest {
    private static Reading.Builder reading() {
        return Reading.newBuilder().setEventId("e").setSiteId("s").setStationId("st").setLotId("l")
                .setTimestamp(Instant.EPOCH).setSensor(Sensor.LIBS).setMassKg(2.0)
                .setComposition(Map.of("Fe", 98.0, "Cu", 0.2, "Xx", 1.0))
                .setDensityGcc(7.8).setMagneticFraction(0.97);
    }

    private static float feature(float[] row, String name) {
        return row[SensorFeatures.NAMES.indexOf(name)];
    }

    @Test
    void writesLogCompositionIndicatorsMassAndSensorOneHot() throws Exception {
        float[] row = new float[SensorFeatures.COUNT + 3];
        SensorFeatures.extract(reading().build(), row, 3);
        float[] r = java.util.Arrays.copyOfRange(row, 3, row.length);
        assertEquals(Math.log(98.0), feature(r, "log_Fe"), 1e-5);
        double libsSnLimit = SensorProfile.of(Sensor.LIBS).detectionLimit("Sn");
        assertEquals(Math.log(libsSnLimit), feature(r, "log_Sn"), 1e-5, "an element not reported sits at the detection limit");
        assertEquals(7.8f, feature(r, "densityGcc"));
        assertEquals(0f, feature(r, "densityGcc_missing"));
        assertEquals(1f, feature(r, "log1p_thicknessMm_missing"));
        assertEquals(Math.log(2.0), feature(r, "log_massKg"), 1e-6);
        assertEquals(1f, feature(r, "sensor_LIBS"));
        assertEquals(0f, feature(r, "sensor_XRF"));
    }

    @Test
    void notReportedZeroAtTheLimitAndBelowItAreTheSameFeature() throws Exception {
        double limit = SensorProfile.of(Sensor.XRF).detectionLimit("Mo");
        float omitted = moFeature(Map.of("Fe", 98.0));
        assertEquals(omitted, moFeature(Map.of("Fe", 98.0, "Mo", 0.0)));
        assertEquals(omitted, moFeature(Map.of("Fe", 98.0, "Mo", limit)));
        assertEquals(omitted, moFeature(Map.of("Fe", 98.0, "Mo", limit / 2)));
        assertTrue(moFeature(Map.of("Fe", 98.0, "Mo", limit * 10)) > omitted, "a value above the limit is seen");
    }

    @Test
    void elementsTheSensorCannotSeeAreIgnored() throws Exception {
        float[] withCarbon = new float[SensorFeatures.COUNT];
        float[] without = new float[SensorFeatures.COUNT];
        SensorFeatures.extract(reading().setSensor(Sensor.XRF).setComposition(Map.of("Fe", 98.0, "C", 0.2)).build(), withCarbon, 0);
        SensorFeatures.extract(reading().setSensor(Sensor.XRF).setComposition(Map.of("Fe", 98.0)).build(), without, 0);
        assertArrayEquals(without, withCarbon, "XRF cannot measure carbon, so a claimed C value carries nothing");
    }

    private static float moFeature(Map<String, Double> composition) throws Exception {
        float[] row = new float[SensorFeatures.COUNT];
        SensorFeatures.extract(reading().setSensor(Sensor.XRF).setComposition(composition).build(), row, 0);
        return feature(row, "log_Mo");
    }

    @Test
    void nanOrOutOfRangeValuesAreUnscorableWithTheField() {
        UnscorableException nan = assertThrows(UnscorableException.class,
                () -> SensorFeatures.extract(reading().setDensityGcc(Double.NaN).build(), new float[SensorFeatures.COUNT], 0));
        assertEquals("densityGcc", nan.field());
        UnscorableException mass = assertThrows(UnscorableException.class,
                () -> SensorFeatures.extract(reading().setMassKg(0).build(), new float[SensorFeatures.COUNT], 0));
        assertEquals("massKg", mass.field());
        UnscorableException pct = assertThrows(UnscorableException.class,
                () -> SensorFeatures.extract(reading().setComposition(Map.of("Cu", 101.0)).build(), new float[SensorFeatures.COUNT], 0));
        assertEquals("composition.Cu", pct.field());
    }

    @Test
    void normalisationScalesToZeroMeanUnitDeviation() {
        float[] data = {1, 10, 3, 10};
        Normalisation n = Normalisation.fit(java.util.List.of("a", "b"), data, 2);
        n.apply(data, 2);
        assertEquals(-1f, data[0], 1e-6);
        assertEquals(1f, data[2], 1e-6);
        assertEquals(0f, data[1], 1e-6, "a constant feature is centred, not divided by zero");
    }
}
