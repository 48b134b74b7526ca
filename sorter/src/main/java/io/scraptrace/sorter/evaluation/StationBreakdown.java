package io.scraptrace.sorter.evaluation;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Sensor;
import io.scraptrace.schemas.grades.Grade;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A grading evaluation split by the station type that took each reading: how many readings of
 * each type were graded at all (coverage: the share not UNCERTAIN) and how right the graded ones
 * were (accuracy and macro-F1 over them). A station that reports no composition can be right on
 * the few readings it grades and still hold a mix's figure down by grading few; this says which.
 *
 * @param rows one line per station type present, in the enum's order
 */
public record StationBreakdown(List<Row> rows) {
    /**
     * One station type's figures.
     *
     * @param sensor        station type
     * @param readings      readings with a grade label, of this type
     * @param coverage      share of them graded with a catalogue grade (not UNCERTAIN)
     * @param gradedAccuracy accuracy over the graded ones
     * @param gradedMacroF1 macro-F1 over the graded ones (grades with support among them)
     */
    public record Row(Sensor sensor, int readings, double coverage, double gradedAccuracy, double gradedMacroF1) {
    }

    /** The breakdown of {@code result}, whose rows are {@code labels} in order. */
    public static StationBreakdown of(GradingEvaluation.Result result, List<String> labels, List<String> codes) {
        Map<Sensor, List<Integer>> bySensor = new EnumMap<>(Sensor.class);
        List<GradedReading> graded = result.graded();
        for (int i = 0; i < graded.size(); i++) {
            if (graded.get(i) != null && !Grade.UNCERTAIN.equals(labels.get(i))) {
                bySensor.computeIfAbsent(graded.get(i).getSensor(), s -> new ArrayList<>()).add(i);
            }
        }
        List<Row> rows = new ArrayList<>();
        bySensor.forEach((sensor, indices) -> {
            List<Integer> certain = indices.stream().filter(i -> !Grade.UNCERTAIN.equals(graded.get(i).getGrade())).toList();
            int[] truth = new int[certain.size()];
            float[] probs = new float[certain.size() * codes.size()];
            for (int r = 0; r < certain.size(); r++) {
                GradedReading g = graded.get(certain.get(r));
                truth[r] = codes.indexOf(labels.get(certain.get(r)));
                for (int c = 0; c < codes.size(); c++) {
                    probs[r * codes.size() + c] = g.getProbabilities().getOrDefault(codes.get(c), 0.0).floatValue();
                }
            }
            Evaluation e = Evaluation.of(codes, truth, probs);
            rows.add(new Row(sensor, indices.size(), (double) certain.size() / indices.size(), e.accuracy(), e.macroF1()));
        });
        return new StationBreakdown(List.copyOf(rows));
    }

    /** The table {@code evaluate} prints under a grading result. */
    public String render() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s %8s %9s %9s %9s%n",
                "station", "readings", "coverage", "accuracy", "macro-F1"));
        for (Row row : rows) {
            out.append(row.coverage() == 0
                    ? String.format(Locale.ROOT, "%-12s %8d %8.1f%% %9s %9s%n", row.sensor(), row.readings(), 0.0, "-", "-")
                    : String.format(Locale.ROOT, "%-12s %8d %8.1f%% %9.4f %9.4f%n", row.sensor(), row.readings(),
                    100 * row.coverage(), row.gradedAccuracy(), row.gradedMacroF1()));
        }
        out.append("(coverage: share not UNCERTAIN; accuracy and macro-F1 over the graded readings only)\n");
        return out.toString();
    }
}
