package io.scraptrace.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory TOKENS = new JsonFactory();
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

    /** Reads {@code json} from the token stream, as ingest does, and checks the parser stopped at the item's end. */
    private Decoded<Reading> read(String json) throws IOException {
        try (JsonParser parser = TOKENS.createParser(json)) {
            parser.nextToken();
            Decoded<Reading> decoded = validator.read(parser, RECEIVED);
            assertNull(parser.nextToken(), "the parser is left on the item's last token");
            return decoded;
        }
    }

    @Test
    void violationsComeInTheSameOrderWhateverOrderTheFieldsWereSentIn() throws IOException {
        String reversed = "{\"frameId\":\"f-1\",\"magneticFraction\":1.5,\"composition\":{\"Fe\":97,\"Xx\":1},"
                + "\"massKg\":-1,\"sensor\":\"XRAY\",\"timestamp\":\"2026-11-25T09:59:58Z\",\"lotId\":\"L-7\","
                + "\"stationId\":\"xrf-2\",\"siteId\":\"S-TKY-01\",\"eventId\":\"e-1\"}";

        assertEquals(List.of(new Violation("sensor", "must be one of XRF, LIBS, XRT, MAGNETIC, NIR, WEIGHBRIDGE, ASSAY"),
                        new Violation("massKg", "must be a finite number > 0"),
                        new Violation("composition.Xx", "is not a chemical element symbol"),
                        new Violation("magneticFraction", "must be between 0 and 1")),
                read(reversed).validated().violations());
    }

    @Test
    void aReadingReadFromTheTokenStreamEqualsTheOneValidatedFromItsTree() throws IOException {
        ObjectNode tree = validReading().put("moisturePct", 3).put("unknownField", "ignored");
        tree.putObject("vendor").putArray("extra").add(1).addObject().put("deep", true);

        Decoded<Reading> decoded = read(tree.toString());

        assertEquals(validator.validate(tree, RECEIVED).record(), decoded.validated().record());
        assertEquals(3.0, decoded.validated().record().getMoisturePct());
        assertEquals("S-TKY-01", decoded.claimedSiteId());
    }

    @Test
    void theClaimedSiteOfAnInvalidReadingIsKeptForTheScopeCheck() throws IOException {
        Decoded<Reading> decoded = read("{\"siteId\":\"S-ELSEWHERE\",\"massKg\":-1}");

        assertFalse(decoded.validated().isValid());
        assertEquals("S-ELSEWHERE", decoded.claimedSiteId());
        assertNull(read("{\"siteId\":7}").claimedSiteId());
    }

    @Test
    void aKeyGivenTwiceAnywhereInTheItemMakesItMalformed() {
        for (String json : List.of("{\"massKg\":1,\"massKg\":2}", "{\"frameId\":null,\"frameId\":\"f\"}",
                "{\"composition\":{\"Fe\":1,\"Fe\":2}}", "{\"composition\":{},\"composition\":{}}",
                "{\"x\":1,\"x\":1}", "{\"x\":[{\"y\":1,\"y\":2}]}", "[{\"y\":1,\"y\":2}]")) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> read(json), json);
            assertTrue(e.getOriginalMessage().startsWith("Duplicate field"), e.getOriginalMessage());
        }
    }

    @Test
    void aCompositionOfManyEntriesStillFindsTheRepeatedOne() {
        StringBuilder json = new StringBuilder("{\"composition\":{");
        for (int i = 0; i < 100; i++) {
            json.append("\"E").append(i).append("\":0,");
        }
        json.append("\"E7\":1}}");

        assertThrows(JsonProcessingException.class, () -> read(json.toString()));
    }

    @Test
    void containersWhereValuesBelongAreNamedNotMalformed() throws IOException {
        ObjectNode tree = validReading();
        tree.putObject("massKg").put("value", 3);
        tree.putArray("eventId").add("e-1");
        tree.putObject("composition").putArray("Fe").add(98);

        assertEquals(List.of(new Violation("eventId", "must be a string"), new Violation("massKg", "must be a number"),
                new Violation("composition.Fe", "must be a number")), read(tree.toString()).validated().violations());
    }

    @Test
    void aValueThatIsNotAnObjectIsSkippedWhole() throws IOException {
        Decoded<Reading> decoded = read("[1, {\"a\": [2]}]");

        assertEquals(List.of(Violation.NOT_AN_OBJECT), decoded.validated().violations());
        assertNull(decoded.claimedSiteId());
    }

    @Test
    void theParserIsLeftOnTheReadingsLastToken() throws IOException {
        try (JsonParser parser = TOKENS.createParser("[" + validReading() + ", 5]")) {
            parser.nextToken();
            parser.nextToken();
            assertTrue(validator.read(parser, RECEIVED).validated().isValid());
            assertEquals(JsonToken.END_OBJECT, parser.currentToken());
            assertEquals(JsonToken.VALUE_NUMBER_INT, parser.nextToken());
        }
    }
}
