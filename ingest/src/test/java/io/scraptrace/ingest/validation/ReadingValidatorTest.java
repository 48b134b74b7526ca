package io.scraptrace.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00Z");
    private final ReadingValidator validator = new ReadingValidator();

    static ObjectNode validReading() {
        ObjectNode reading = JSON.createObjectNode()
                .put("eventId", "e-1").put("siteId", "S-TKY-01").put("stationId", "xrf-2").put("lotId", "L-7")
                .put("timestamp", "2026-11-25T09:59:58+09:00").put("sensor", "XRF").put("massKg", 12.5)
                .put("magneticFraction", 0.9).put("frameId", "f-1");
        reading.putObject("composition").put("Fe", 97.2).put("Cu", 0.31).put("Sn", 0.02);
        return reading;
    }

    private List<Violation> violations(ObjectNode reading) {
        Validated<Reading> result = validator.validate(reading, RECEIVED);
        assertFalse(result.isValid());
        return result.violations();
    }

    @Test
    void validReadingBecomesAnAvroRecordWithOffsetConvertedAndReceivedAtStamped() {
        Validated<Reading> result = validator.validate(validReading(), RECEIVED);

        assertTrue(result.isValid(), () -> result.violations().toString());
        Reading reading = result.record();
        assertEquals(Instant.parse("2026-11-25T00:59:58Z"), reading.getTimestamp());
        assertEquals(Sensor.XRF, reading.getSensor());
        assertEquals(0.31, reading.getComposition().get("Cu"));
        assertEquals(0.9, reading.getMagneticFraction());
        assertNull(reading.getDensityGcc());
        assertEquals(RECEIVED, reading.getReceivedAt());
    }

    @Test
    void missingFieldIsNamed() {
        ObjectNode reading = validReading();
        reading.remove("lotId");

        assertEquals(List.of(new Violation("lotId", "is required")), violations(reading));
    }

    @Test
    void everyViolationOfAnItemIsReportedAtOnce() {
        ObjectNode reading = validReading().put("massKg", -1).put("sensor", "XRAY").put("magneticFraction", 1.5);

        assertEquals(List.of("sensor", "massKg", "magneticFraction"), violations(reading).stream().map(Violation::field).toList());
    }

    @Test
    void massMustBePositiveAndFinite() {
        assertEquals("massKg", violations(validReading().put("massKg", 0)).get(0).field());
        assertEquals("massKg", violations(validReading().put("massKg", "12")).get(0).field());
        assertEquals("must be a number", violations(validReading().put("massKg", "12")).get(0).reason());
    }

    @Test
    void compositionOverOneHundredPointFivePercentIsRejected() {
        ObjectNode reading = validReading();
        reading.putObject("composition").put("Fe", 90).put("Cu", 10.6);

        List<Violation> violations = violations(reading);
        assertEquals("composition", violations.get(0).field());
        assertTrue(violations.get(0).reason().contains("100.6"), violations.get(0).reason());
    }

    @Test
    void compositionWithinToleranceIsAccepted() {
        ObjectNode reading = validReading();
        reading.putObject("composition").put("Fe", 90).put("Cu", 10.5);

        assertTrue(validator.validate(reading, RECEIVED).isValid());
    }

    @Test
    void compositionKeysMustBeElementSymbolsAndValuesPercentages() {
        ObjectNode reading = validReading();
        reading.putObject("composition").put("Xx", 1).put("CU", 1).put("Ni", 101).put("Co", -0.1);

        assertEquals(List.of("composition.Xx", "composition.CU", "composition.Ni", "composition.Co"),
                violations(reading).stream().map(Violation::field).toList());
    }

    @Test
    void timestampMustBeAnIsoInstantWithOffsetInAPlausibleRange() {
        assertEquals("timestamp", violations(validReading().put("timestamp", "yesterday")).get(0).field());
        assertEquals("timestamp", violations(validReading().put("timestamp", "2026-11-25T10:00:00")).get(0).field());
        assertEquals("timestamp", violations(validReading().put("timestamp", "1970-01-01T00:00:00Z")).get(0).field());
    }

    @Test
    void aMeasurementLaterThanReceiptPlusTheClockSkewIsRefusedWithTheReason() {
        Violation ahead = violations(validReading().put("timestamp", "2026-11-25T10:05:01Z")).get(0);
        assertEquals("timestamp", ahead.field());
        assertTrue(ahead.reason().contains("clock skew"), ahead.reason());
        assertTrue(validator.validate(validReading().put("timestamp", "2026-11-25T10:05:00Z"), RECEIVED).isValid(),
                "a plant clock up to five minutes ahead is accepted");
    }

    @Test
    void nonObjectItemIsRejectedAsAWhole() {
        Validated<Reading> result = validator.validate(JSON.getNodeFactory().numberNode(3), RECEIVED);

        assertEquals(List.of(Violation.NOT_AN_OBJECT), result.violations());
    }

    @Test
    void overlongIdIsRejected() {
        assertEquals("eventId", violations(validReading().put("eventId", "x".repeat(JsonFields.MAX_ID_LENGTH + 1))).get(0).field());
    }
}
