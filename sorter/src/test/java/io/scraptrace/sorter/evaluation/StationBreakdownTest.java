package io.scraptrace.sorter.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.Sensor;
import io.scraptrace.schemas.grades.Grade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StationBreakdownTest {
    private static final List<String> CODES = List.of("A", "B");

    @Test
    void coverageCountsUncertainAndScoresOnlyTheGradedReadingsOfEachStationType() {
        List<GradedReading> graded = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        // XRF: four readings, all graded, three right.
        add(graded, labels, Sensor.XRF, "A", "A");
        add(graded, labels, Sensor.XRF, "A", "A");
        add(graded, labels, Sensor.XRF, "B", "B");
        add(graded, labels, Sensor.XRF, "B", "A");
        // XRT: four readings, three UNCERTAIN, the graded one right.
        add(graded, labels, Sensor.XRT, "A", Grade.UNCERTAIN);
        add(graded, labels, Sensor.XRT, "B", Grade.UNCERTAIN);
        add(graded, labels, Sensor.XRT, "B", Grade.UNCERTAIN);
        add(graded, labels, Sensor.XRT, "B", "B");
        // A row labelled UNCERTAIN is out of the breakdown, as it is out of the grading metrics.
        add(graded, labels, Sensor.XRT, Grade.UNCERTAIN, Grade.UNCERTAIN);
        GradingEvaluation.Result result = new GradingEvaluation.Result(null, 0, 1, 1, graded);

        List<StationBreakdown.Row> rows = StationBreakdown.of(result, labels, CODES).rows();

        assertEquals(List.of(Sensor.XRF, Sensor.XRT), rows.stream().map(StationBreakdown.Row::sensor).toList());
        StationBreakdown.Row xrf = rows.get(0);
        assertEquals(4, xrf.readings());
        assertEquals(1.0, xrf.coverage(), 1e-9);
        assertEquals(0.75, xrf.gradedAccuracy(), 1e-9);
        // A: precision 2/3, recall 1 -> F1 0.8; B: precision 1, recall 1/2 -> F1 2/3.
        assertEquals((0.8 + 2.0 / 3) / 2, xrf.gradedMacroF1(), 1e-9);
        StationBreakdown.Row xrt = rows.get(1);
        assertEquals(4, xrt.readings());
        assertEquals(0.25, xrt.coverage(), 1e-9);
        assertEquals(1.0, xrt.gradedAccuracy(), 1e-9);
        // A station type with nothing graded has no accuracy to show.
        add(graded, labels, Sensor.NIR, "A", Grade.UNCERTAIN);
        String table = StationBreakdown.of(new GradingEvaluation.Result(null, 0, 1, 1, graded), labels, CODES).render();
        assertTrue(table.lines().anyMatch(line -> line.matches("NIR +1 +0\\.0% +- +-")), table);
    }

    private static void add(List<GradedReading> graded, List<String> labels, Sensor sensor, String label, String grade) {
        labels.add(label);
        Map<String, Double> probabilities = Map.of("A", grade.equals("A") ? 0.9 : 0.1, "B", grade.equals("B") ? 0.9 : 0.1);
        graded.add(GradedReading.newBuilder().setEventId("ev-" + graded.size()).setSiteId("S-1").setStationId(sensor + "-1")
                .setLotId("L-1").setTimestamp(Instant.EPOCH).setSensor(sensor).setMassKg(1).setComposition(Map.of())
                .setGrade(grade).setMaterial(Material.FERROUS).setHighGrade(false).setConfidence(0.9)
                .setProbabilities(probabilities).setModelVersion("m").setGradedAt(Instant.EPOCH).build());
    }
}
