package io.scraptrace.sorter.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
    @TempDir
    Path dir;

    @Test
    void csvRowsBecomeReadingsWithTheirGrades() throws Exception {
        Path csv = dir.resolve("plant.csv");
        Files.writeString(csv, String.join("\n",
                "eventId,grade,sensor,massKg,densityGcc,thicknessMm,Fe,Cu,Sn",
                "a,FE_HS,libs,12.5,7.84,,98.6,0.12,0.008",
                "b,CU_NO1,,3,,2.5,,99.7,",
                ""));
        LabelledReadings data = CsvReadings.read(csv);
        assertEquals(List.of("FE_HS", "CU_NO1"), data.labels());
        Reading first = data.readings().get(0);
        assertEquals(Sensor.LIBS, first.getSensor());
        assertEquals(12.5, first.getMassKg());
        assertEquals(Map.of("Fe", 98.6, "Cu", 0.12, "Sn", 0.008), first.getComposition());
        assertNull(first.getThicknessMm());
        Reading second = data.readings().get(1);
        assertEquals(Sensor.XRF, second.getSensor(), "XRF when the sensor is not given");
        assertEquals(Map.of("Cu", 99.7), second.getComposition());
        assertEquals(2.5, second.getThicknessMm());
    }

    @Test
    void csvErrorsNameTheLine() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "grade,massKg\nFE_HS,1\nFE_HS,heavy\n");
        IOException e = assertThrows(IOException.class, () -> CsvReadings.read(csv));
        assertEquals(true, e.getMessage().contains("line 3"), e.getMessage());
        Files.writeString(csv, "massKg\n1\n");
        assertThrows(IOException.class, () -> CsvReadings.read(csv));
    }

    @Test
    void imageFolderLabelsEachImageWithItsSubFolder() throws Exception {
        Files.createDirectories(dir.resolve("CU_NO1"));
        Files.createDirectories(dir.resolve("AL_CAST"));
        Files.write(dir.resolve("CU_NO1/1.png"), new byte[] {1});
        Files.write(dir.resolve("CU_NO1/2.JPG"), new byte[] {2});
        Files.write(dir.resolve("AL_CAST/1.png"), new byte[] {3});
        Files.writeString(dir.resolve("AL_CAST/notes.txt"), "ignored");
        LabelledImages images = ImageFolder.read(dir);
        assertEquals(List.of("AL_CAST", "CU_NO1", "CU_NO1"), images.labels());
        assertEquals(3, images.images().get(0)[0]);
    }

    @Test
    void unknownGradesAreRejectedAndUnscorableRowsSkipped() {
        Reading ok = Reading.newBuilder().setEventId("e").setSiteId("s").setStationId("t").setLotId("l")
                .setTimestamp(java.time.Instant.EPOCH).setSensor(Sensor.XRF).setMassKg(1).setComposition(Map.of("Fe", 99.0)).build();
        Reading nan = Reading.newBuilder(ok).setMassKg(Double.NaN).build();
        Examples examples = Examples.fromReadings(new LabelledReadings(List.of(ok, nan), List.of("FE_HS", "FE_HS"), "t"),
                List.of("FE_NEW_CUT", "FE_HS"));
        assertEquals(1, examples.rows());
        assertEquals(1, examples.skipped());
        assertEquals(1, examples.y()[0]);
        assertThrows(IllegalArgumentException.class, () -> Examples.fromReadings(
                new LabelledReadings(List.of(ok), List.of("STEEL"), "t"), List.of("FE_HS")));
    }
}
