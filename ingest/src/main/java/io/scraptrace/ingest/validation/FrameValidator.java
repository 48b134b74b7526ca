package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.Frame;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Validates camera frames: ids, timestamp and a base64 JPEG or PNG no larger than the configured
 * limit (frames travel as single Kafka records, which the broker caps at about 1 MB by default).
 */
public final class FrameValidator implements ItemValidator<Frame> {
    private final int maxImageBytes;

    /** @param maxImageBytes largest decoded image accepted */
    public FrameValidator(int maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    @Override
    public Validated<Frame> validate(JsonNode item, Instant receivedAt) {
        if (!item.isObject()) {
            return Validated.invalid(List.of(Violation.NOT_AN_OBJECT));
        }
        JsonFields fields = new JsonFields(item);
        PlantEvent event = PlantEvent.read(fields, receivedAt);
        byte[] image = image(fields);
        Optional<ImageFormat> format = image == null ? Optional.empty() : ImageFormat.detect(image);
        if (image != null && format.isEmpty()) {
            fields.reject("imageBase64", "must be a JPEG or PNG image");
        }
        if (!fields.ok()) {
            return Validated.invalid(fields.violations());
        }
        return Validated.valid(new Frame(event.eventId(), event.siteId(), event.stationId(), event.lotId(), event.timestamp(), format.get().contentType(),
                ByteBuffer.wrap(image), receivedAt));
    }

    private byte[] image(JsonFields fields) {
        String base64 = fields.text("imageBase64");
        if (base64 == null) {
            return null;
        }
        // Refuse before decoding: 4 base64 characters carry 3 bytes.
        if (base64.length() / 4L * 3 > maxImageBytes + 3L) {
            fields.reject("imageBase64", "image must be at most " + maxImageBytes + " bytes");
            return null;
        }
        byte[] image;
        try {
            image = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            fields.reject("imageBase64", "must be base64");
            return null;
        }
        if (image.length > maxImageBytes) {
            fields.reject("imageBase64", "image must be at most " + maxImageBytes + " bytes");
            return null;
        }
        return image;
    }
}
