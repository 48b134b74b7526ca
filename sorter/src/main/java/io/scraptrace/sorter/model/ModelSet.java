package io.scraptrace.sorter.model;

import java.util.Optional;

/**
 * The models the sorter grades with: a sensor model, and optionally a camera model fused in when
 * a reading has a frame.
 *
 * @param sensor the sensor model (required)
 * @param camera the camera model, or null when frames are not used
 */
public record ModelSet(GradeModel sensor, GradeModel camera) implements AutoCloseable {
    public ModelSet {
        if (sensor == null || sensor.kind() != ModelKind.SENSOR) {
            throw new IllegalArgumentException("a model set needs a sensor model");
        }
        if (camera != null && camera.kind() != ModelKind.CAMERA) {
            throw new IllegalArgumentException(camera.version() + " is not a camera model");
        }
    }

    /** The camera model, if any. */
    public Optional<GradeModel> cameraModel() {
        return Optional.ofNullable(camera);
    }

    /** Version recorded on a graded reading: the sensor version, plus the camera's when fused. */
    public String version(boolean fused) {
        return fused && camera != null ? sensor.version() + "+" + camera.version() : sensor.version();
    }

    /** Both versions, for logs and the model card. */
    public String describe() {
        return camera == null ? sensor.version() : sensor.version() + " with " + camera.version();
    }

    @Override
    public void close() {
        sensor.close();
        if (camera != null) {
            camera.close();
        }
    }
}
