package io.scraptrace.sorter.training;

import java.util.List;

/**
 * Encoded camera frames (PNG/JPEG) with their grade labels, as data for the camera model.
 *
 * @param images      encoded frames
 * @param labels      grade code of each frame
 * @param description where they came from, for the model card
 */
public record LabelledImages(List<byte[]> images, List<String> labels, String description) {
    public LabelledImages {
        if (images.size() != labels.size()) {
            throw new IllegalArgumentException(images.size() + " images but " + labels.size() + " labels");
        }
    }
}
