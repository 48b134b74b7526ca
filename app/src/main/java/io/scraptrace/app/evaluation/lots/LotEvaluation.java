package io.scraptrace.app.evaluation.lots;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Reading;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.sorter.grading.GradeDecider;
import io.scraptrace.sorter.grading.Grader;
import io.scraptrace.sorter.grading.Outcome;
import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.specimens.FrameRenderer;
import io.scraptrace.specimens.LabelledPiece;
import io.scraptrace.streams.lots.LotState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades generated lots as the pipeline does: every reading by the sorter's production
 * {@link Grader} with the given models (sensor only, or fused with a camera frame of every piece),
 * then every graded reading through the production lot fold ({@link LotsDriver}); the lot's
 * grade, confidence and status are read back as the query API renders them.
 */
final class LotEvaluation {
    private final ModelSet models;
    private final Map<String, String> config;

    /**
     * @param models the models to grade with
     * @param config streams configuration, e.g. the inspection share
     */
    LotEvaluation(ModelSet models, Map<String, String> config) {
        this.models = models;
        this.config = Map.copyOf(config);
    }

    /**
     * Every lot's outcome, in input order.
     *
     * @param fused     whether each reading names a camera frame of its piece, fused as the sorter fuses it
     * @param frameSeed seed of the rendered frames
     * @param stateDir  a fresh directory for the fold's state
     */
    List<LotOutcome> evaluate(List<SampleLot> lots, boolean fused, long frameSeed, Path stateDir) {
        if (fused && models.camera() == null) {
            throw new IllegalArgumentException("fused grading needs a camera model; none is loaded");
        }
        FrameRenderer renderer = new FrameRenderer();
        List<LotOutcome> outcomes = new ArrayList<>(lots.size());
        try (Grader grader = new Grader(models, new GradeDecider(GradeDecider.DEFAULT_THRESHOLD, GradeCatalogue.get()));
             LotsDriver driver = new LotsDriver(stateDir, config)) {
            long frame = frameSeed;
            for (SampleLot lot : lots) {
                Map<String, float[]> frames = new HashMap<>();
                List<Reading> readings = new ArrayList<>(lot.pieces().size());
                List<byte[]> images = new ArrayList<>();
                for (LabelledPiece piece : lot.pieces()) {
                    Reading reading = piece.reading();
                    if (fused) {
                        reading = Reading.newBuilder(reading).setFrameId("fr-" + reading.getEventId()).build();
                        images.add(renderer.renderPng(piece, frame++));
                    }
                    readings.add(reading);
                }
                if (fused) {
                    List<Outcome<float[]>> scored = grader.scoreFrames(images);
                    for (int i = 0; i < scored.size(); i++) {
                        if (scored.get(i).ok()) {
                            frames.put(readings.get(i).getFrameId(), scored.get(i).value());
                        }
                    }
                }
                // One batch per lot, as the sorter grades a poll; graded when its last piece was read.
                List<Outcome<GradedReading>> graded = grader.grade(readings, frames::get, readings.get(readings.size() - 1).getTimestamp());
                for (int i = 0; i < graded.size(); i++) {
                    if (!graded.get(i).ok()) {
                        throw new IllegalStateException("the sorter refused generated reading " + readings.get(i).getEventId()
                                + ": " + graded.get(i).reason());
                    }
                    driver.graded(graded.get(i).value());
                }
                LotState state = driver.lot(lot.lotId()).orElseThrow(() -> new IllegalStateException("lot " + lot.lotId() + " not folded"));
                outcomes.add(new LotOutcome(lot, state.dominantGrade(), state.confidence(), driver.settledStatus(state),
                        state.uncertainMassShare()));
            }
        }
        return outcomes;
    }
}
