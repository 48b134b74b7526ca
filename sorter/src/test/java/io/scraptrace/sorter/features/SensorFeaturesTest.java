package io.scraptrace.sorter.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
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
        assertEquals(Math.log(98.001), feature(r, "log_Fe"), 1e-5);
        assertEquals(Math.log(0.001), feature(r, "log_Sn"), 1e-5, "an element not measured is below detection");
        assertEquals(7.8f, feature(r, "densityGcc"));
        assertEquals(0f, feature(r, "densityGcc_missing"));
        assertEquals(1f, feature(r, "log1p_thicknessMm_missing"));
        assertEquals(Math.log(2.0), feature(r, "log_massKg"), 1e-6);
        assertEquals(1f, feature(r, "sensor_LIBS"));
        assertEquals(0f, feature(r, "sensor_XRF"));
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
