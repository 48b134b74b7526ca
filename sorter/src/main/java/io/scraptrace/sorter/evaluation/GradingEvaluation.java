package io.scraptrace.sorter.evaluation;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Reading;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.sorter.grading.GradeDecider;
import io.scraptrace.sorter.grading.Grader;
import io.scraptrace.sorter.grading.Outcome;
import io.scraptrace.sorter.model.ModelSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates the whole grading path the service runs (network, fusion where a frame is given, the
 * catalogue's criteria and the confidence threshold) on labelled readings: the probabilities on
 * the graded records against the true grades, and the share graded UNCERTAIN. A label of
 * {@code UNCERTAIN} means the reading should be refused a grade; such rows count in
 * {@link Result#uncertainRight()} only.
 */
public final class GradingEvaluation {
    private static final int BATCH = 1024;

    private GradingEvaluation() {
    }

    /**
     * The outcome of grading labelled readings.
     *
     * @param evaluation      metrics over rows whose label is a grade
     * @param uncertainShare  share of those rows graded UNCERTAIN
     * @param uncertainRight  rows labelled UNCERTAIN that were graded UNCERTAIN
     * @param uncertainRows   rows labelled UNCERTAIN
     * @param graded          every graded record, in input order (null where unscorable)
     */
    public record Result(Evaluation evaluation, double uncertainShare, int uncertainRight, int uncertainRows,
                         List<GradedReading> graded) {
    }

    /**
     * Grade {@code readings} as the service would and score them against {@code labels}.
     *
     * @param frames camera probabilities by frameId, or null for sensor-only grading
     */
    public static Result evaluate(ModelSet models, List<Reading> readings, List<String> labels, Function<String, float[]> frames) {
        List<String> codes = models.sensor().labels();
        GradeDecider decider = new GradeDecider(GradeDecider.DEFAULT_THRESHOLD, GradeCatalogue.get());
        List<GradedReading> graded = new ArrayList<>(readings.size());
        try (Grader grader = new Grader(models, decider)) {
            for (int start = 0; start < readings.size(); start += BATCH) {
                List<Reading> batch = readings.subList(start, Math.min(readings.size(), start + BATCH));
                for (Outcome<GradedReading> outcome : grader.grade(batch, frames == null ? id -> null : frames, Instant.EPOCH)) {
                    graded.add(outcome.ok() ? outcome.value() : null);
                }
            }
        }
        int rows = 0;
        int uncertain = 0;
        int uncertainRows = 0;
        int uncertainRight = 0;
        for (int i = 0; i < graded.size(); i++) {
            if (Grade.UNCERTAIN.equals(labels.get(i))) {
                uncertainRows++;
                if (graded.get(i) == null || Grade.UNCERTAIN.equals(graded.get(i).getGrade())) {
                    uncertainRight++;
                }
            } else if (graded.get(i) != null) {
                rows++;
            }
        }
        int[] truth = new int[rows];
        float[] probs = new float[rows * codes.size()];
        int r = 0;
        for (int i = 0; i < graded.size(); i++) {
            GradedReading g = graded.get(i);
            if (g == null || Grade.UNCERTAIN.equals(labels.get(i))) {
                continue;
            }
            truth[r] = codes.indexOf(labels.get(i));
            Map<String, Double> p = g.getProbabilities();
            for (int c = 0; c < codes.size(); c++) {
                probs[r * codes.size() + c] = p.getOrDefault(codes.get(c), 0.0).floatValue();
            }
            if (Grade.UNCERTAIN.equals(g.getGrade())) {
                uncertain++;
            }
            r++;
        }
        return new Result(Evaluation.of(codes, truth, probs), rows == 0 ? 0 : (double) uncertain / rows, uncertainRight,
                uncertainRows, graded);
    }
}
