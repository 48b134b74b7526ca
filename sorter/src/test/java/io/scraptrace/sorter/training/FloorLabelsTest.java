package io.scraptrace.sorter.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Label;
import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloorLabelsTest {
    static Reading reading(String eventId, String lotId) {
        return Reading.newBuilder().setEventId(eventId).setSiteId("S-1").setStationId("XRF-1").setLotId(lotId)
                .setTimestamp(Instant.parse("2026-11-29T08:00:00Z")).setSensor(Sensor.XRF).setMassKg(1.0)
                .setComposition(Map.of("Fe", 98.5, "Cu", 0.1)).build();
    }

    static Label label(String labelId, String lotId, String eventId, String grade, String labelledAt) {
        return Label.newBuilder().setLabelId(labelId).setSiteId("S-1").setLotId(lotId).setEventId(eventId).setGrade(grade)
                .setLabelledBy("inspector").setLabelledAt(Instant.parse(labelledAt)).build();
    }

    private static Map<String, String> gradeByEvent(LabelledReadings data) {
        Map<String, String> grades = new HashMap<>();
        for (int i = 0; i < data.readings().size(); i++) {
            assertEquals(null, grades.put(data.readings().get(i).getEventId(), data.labels().get(i)), "each reading once");
        }
        return grades;
    }

    @Test
    void aLotLabelCoversEveryReadingOfItsLotAndTheLatestLabelOfAReadingWins() {
        List<Label> labels = List.of(
                label("a", "L-1", null, "FE_H2", "2026-11-29T09:00:00Z"),
                label("b", "L-1", "E-2", "FE_HS", "2026-11-29T10:00:00Z"),
                label("c", "L-1", "E-3", "FE_H1", "2026-11-29T08:30:00Z"),
                label("d", "L-2", "E-5", "CU_NO1", "2026-11-29T09:00:00Z"),
                label("e", "L-2", "E-5", "CU_NO2", "2026-11-29T09:00:00Z"),
                label("f", "L-9", null, "AL_CAST", "2026-11-29T09:00:00Z"));
        List<Reading> readings = List.of(reading("E-1", "L-1"), reading("E-2", "L-1"), reading("E-3", "L-1"),
                reading("E-4", "L-2"), reading("E-5", "L-2"), reading("E-2", "L-1"));

        LabelledReadings joined = FloorLabels.join(labels, readings, "test");

        assertEquals(Map.of("E-1", "FE_H2", "E-2", "FE_HS", "E-3", "FE_H2", "E-5", "CU_NO2"), gradeByEvent(joined),
                "E-3's own label is older than its lot's; E-5's tie goes to the later on the topic; E-4 is unlabelled");
        assertTrue(joined.description().contains("6 labels (4 of readings, 2 of lots), 1 superseded"), joined.description());
        assertTrue(joined.description().contains("1 labelled readings or lots not found, 4 labelled readings"), joined.description());
    }

    @Test
    void aReadingLabelOfAnotherLotLabelsNothing() {
        LabelledReadings joined = FloorLabels.join(List.of(label("a", "L-1", "E-1", "FE_HS", "2026-11-29T09:00:00Z")),
                List.of(reading("E-1", "L-2")), "test");

        assertEquals(0, joined.readings().size());
    }

    @Test
    void mixingKeepsBothSourcesInOrderAndNamesThem() {
        LabelledReadings base = new LabelledReadings(List.of(reading("S-1", "L-S")), List.of("FE_H1"), "synthetic: one");
        LabelledReadings floor = new LabelledReadings(List.of(reading("E-1", "L-1")), List.of("FE_HS"), "labels: one");

        LabelledReadings mixed = FloorLabels.mix(base, floor);

        assertEquals(List.of("FE_H1", "FE_HS"), mixed.labels());
        assertEquals(List.of("synthetic: one", "labels: one"), List.of(mixed.description().split(FloorLabels.SOURCES_SEPARATOR)));
    }
}
