package io.scraptrace.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Frame;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FrameValidatorTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FrameValidator validator = new FrameValidator(1000);

    private static ObjectNode frame(byte[] image) {
        return JSON.createObjectNode().put("eventId", "f-1").put("siteId", "S-1").put("stationId", "cam-1")
                .put("lotId", "L-1").put("timestamp", "2026-11-25T10:00:00Z")
                .put("imageBase64", Base64.getEncoder().encodeToString(image));
    }

    private static byte[] image(ImageFormat format, int size) {
        byte[] image = new byte[size];
        Arrays.fill(image, (byte) 7);
        byte[] magic = format.magic();
        System.arraycopy(magic, 0, image, 0, magic.length);
        return image;
    }

    @Test
    void pngAndJpegAreRecognisedByMagicBytes() {
        Validated<Frame> png = validator.validate(frame(image(ImageFormat.PNG, 100)), RECEIVED);
        Validated<Frame> jpeg = validator.validate(frame(image(ImageFormat.JPEG, 100)), RECEIVED);

        assertEquals("image/png", png.record().getContentType());
        assertEquals("image/jpeg", jpeg.record().getContentType());
        assertEquals(ByteBuffer.wrap(image(ImageFormat.PNG, 100)), png.record().getImage());
    }

    @Test
    void otherBytesAreNotAnImage() {
        byte[] gif = "GIF89a-not-accepted".getBytes();

        assertEquals(new Violation("imageBase64", "must be a JPEG or PNG image"),
                validator.validate(frame(gif), RECEIVED).violations().get(0));
    }

    @Test
    void imageOverTheLimitIsRejected() {
        assertTrue(validator.validate(frame(image(ImageFormat.PNG, 1000)), RECEIVED).isValid());
        assertEquals("imageBase64", validator.validate(frame(image(ImageFormat.PNG, 1001)), RECEIVED).violations().get(0).field());
        assertEquals("imageBase64", validator.validate(frame(image(ImageFormat.PNG, 5000)), RECEIVED).violations().get(0).field());
    }

    @Test
    void invalidBase64IsRejected() {
        assertEquals(new Violation("imageBase64", "must be base64"),
                validator.validate(frame(new byte[0]).put("imageBase64", "%%%not base64%%%"), RECEIVED).violations().get(0));
    }
}
