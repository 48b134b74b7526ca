package io.scraptrace.sorter.grading;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Reading;
import io.scraptrace.sorter.features.FrameImages;
import io.scraptrace.sorter.features.SensorFeatures;
import io.scraptrace.sorter.features.UnscorableException;
import io.scraptrace.sorter.model.GradeModel;
import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.sorter.model.Scorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Grades micro-batches: one sensor-model call for all scorable readings of a batch, one
 * camera-model call for all decodable frames, fusion where a reading's frame is known, then the
 * decision held to the catalogue's criteria and the confidence threshold. Records that cannot be scored come back as rejections with the reason and
 * never stop the rest of the batch. One grader per thread (it owns DJL predictors).
 */
public final class Grader implements AutoCloseable {
    private final ModelSet models;
    private final GradeDecider decider;
    private final Scorer sensor;
    private final Scorer camera;
    private final Fusion fusion;
    private float[] features = new float[0];
    private float[] pixels = new float[0];

    public Grader(ModelSet models, GradeDecider decider) {
        this.models = models;
        this.decider = decider;
        this.sensor = models.sensor().newScorer();
        GradeModel cameraModel = models.camera();
        this.camera = cameraModel == null ? null : cameraModel.newScorer();
        this.fusion = cameraModel == null ? null : new Fusion(models.sensor().labels(), cameraModel.labels());
    }

    /** The models this grader uses. */
    public ModelSet models() {
        return models;
    }

    /** Whether frames are scored and fused (a camera model is loaded). */
    public boolean usesFrames() {
        return camera != null;
    }

    /**
     * Camera-model probabilities of each frame image (over the camera model's labels), or the
     * reason it could not be decoded. Only when {@link #usesFrames()}.
     */
    public List<Outcome<float[]>> scoreFrames(List<byte[]> images) {
        if (camera == null) {
            throw new IllegalStateException("no camera model loaded");
        }
        List<Outcome<float[]>> outcomes = new ArrayList<>(images.size());
        pixels = ensure(pixels, images.size() * FrameImages.VALUES);
        int[] row = new int[images.size()];
        int rows = 0;
        for (int i = 0; i < images.size(); i++) {
            try {
                FrameImages.decode(images.get(i), pixels, rows * FrameImages.VALUES);
                row[i] = rows++;
                outcomes.add(null);
            } catch (UnscorableException e) {
                row[i] = -1;
                outcomes.add(Outcome.rejected(e.field(), e.getMessage()));
            }
        }
        float[] probs = camera.probabilities(pixels, rows);
        int classes = camera.classes();
        for (int i = 0; i < images.size(); i++) {
            if (row[i] >= 0) {
                outcomes.set(i, Outcome.scored(Arrays.copyOfRange(probs, row[i] * classes, (row[i] + 1) * classes)));
            }
        }
        return outcomes;
    }

    /**
     * Grade {@code readings}, fusing the camera probabilities {@code frames} returns for a
     * reading's frameId (null: not seen, grade from the sensor alone).
     */
    public List<Outcome<GradedReading>> grade(List<Reading> readings, Function<String, float[]> frames, Instant gradedAt) {
        int width = SensorFeatures.COUNT;
        features = ensure(features, readings.size() * width);
        int[] row = new int[readings.size()];
        List<Outcome<GradedReading>> outcomes = new ArrayList<>(readings.size());
        int rows = 0;
        for (int i = 0; i < readings.size(); i++) {
            try {
                SensorFeatures.extract(readings.get(i), features, rows * width);
                row[i] = rows++;
                outcomes.add(null);
            } catch (UnscorableException e) {
                row[i] = -1;
                outcomes.add(Outcome.rejected(e.field(), e.getMessage()));
            }
        }
        float[] probs = sensor.probabilities(features, rows);
        int classes = sensor.classes();
        double[] fused = new double[classes];
        for (int i = 0; i < readings.size(); i++) {
            if (row[i] < 0) {
                continue;
            }
            Reading reading = readings.get(i);
            float[] frame = fusion == null || reading.getFrameId() == null ? null : frames.apply(reading.getFrameId());
            if (frame != null) {
                fusion.fuse(probs, row[i] * classes, frame, 0, fused);
            } else {
                for (int c = 0; c < classes; c++) {
                    fused[c] = probs[row[i] * classes + c];
                }
            }
            GradeDecider.Decision decision = decider.decide(models.sensor().labels(), fused, reading);
            outcomes.set(i, Outcome.scored(graded(reading, decision, frame != null, gradedAt)));
        }
        return outcomes;
    }

    private GradedReading graded(Reading reading, GradeDecider.Decision decision, boolean fused, Instant gradedAt) {
        return GradedReading.newBuilder()
                .setEventId(reading.getEventId())
                .setSiteId(reading.getSiteId())
                .setStationId(reading.getStationId())
                .setLotId(reading.getLotId())
                .setTimestamp(reading.getTimestamp())
                .setSensor(reading.getSensor())
                .setMassKg(reading.getMassKg())
                .setComposition(reading.getComposition())
                .setGrade(decision.grade())
                .setMaterial(decision.material())
                .setHighGrade(decision.highGrade())
                .setConfidence(decision.confidence())
                .setProbabilities(decision.probabilities())
                .setModelVersion(models.version(fused))
                .setFrameId(fused ? reading.getFrameId() : null)
                .setGradedAt(gradedAt)
                .setUncertainReason(decision.uncertainReason())
                .build();
    }

    private static float[] ensure(float[] buffer, int length) {
        return buffer.length >= length ? buffer : new float[length];
    }

    @Override
    public void close() {
        sensor.close();
        if (camera != null) {
            camera.close();
        }
    }
}
