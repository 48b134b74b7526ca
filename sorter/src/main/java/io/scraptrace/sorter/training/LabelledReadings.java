package io.scraptrace.sorter.training;

import io.scraptrace.avro.Reading;
import java.util.List;

/**
 * Readings with their grade labels, as training or evaluation data for the sensor model.
 *
 * @param readings    the readings
 * @param labels      grade code of each reading
 * @param description where they came from, for the model card
 */
public record LabelledReadings(List<Reading> readings, List<String> labels, String description) {
    public LabelledReadings {
        if (readings.size() != labels.size()) {
            throw new IllegalArgumentException(readings.size() + " readings but " + labels.size() + " labels");
        }
    }
}
