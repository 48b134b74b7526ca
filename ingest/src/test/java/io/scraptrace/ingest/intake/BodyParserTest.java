package io.scraptrace.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Reading;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.ingest.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyParserTest {
    private static final int MAX_ITEMS = 5;
    private static final RecordKind<Reading> READINGS = new RecordKinds(ScrapTraceConfig.of(Map.of()).topics(), 1024).readings();
    private static final String READING = "{\"eventId\":\"e-%d\",\"siteId\":\"S-1\",\"stationId\":\"x\",\"lotId\":\"L-1\","
            + "\"timestamp\":\"2026-11-25T09:00:00Z\",\"sensor\":\"XRF\",\"massKg\":%s,\"composition\":{\"Fe\":99}}";
    private final BodyParser parser = new BodyParser(MAX_ITEMS);

    private List<ParsedItem> parse(String body, BodyFormat format) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), format);
    }

    private static String raw(ParsedItem item) {
        return new String(item.raw().bytes(Integer.MAX_VALUE), StandardCharsets.UTF_8);
    }

    @Test
    void singleObjectHasNoIndex() {
        List<ParsedItem> items = parse("{\n  \"eventId\": \"a\"\n}\n", BodyFormat.AUTO);

        assertEquals(1, items.size());
        assertNull(items.get(0).index());
        assertEquals("a", items.get(0).json().get("eventId").textValue());
    }

    @Test
    void arrayItemsAreIndexedAndKeepTheirExactBytes() {
        List<ParsedItem> items = parse("[ {\"a\":1}, {\"b\" : [2,3]} ,4]", BodyFormat.JSON);

        assertEquals(List.of(0, 1, 2), items.stream().map(ParsedItem::index).toList());
        assertEquals("{\"b\" : [2,3]}", raw(items.get(1)));
        assertEquals("4", raw(items.get(2)));
    }

    @Test
    void ndjsonLinesAreIndependentSoAMalformedLineSpoilsOnlyItself() {
        List<ParsedItem> items = parse("{\"a\":1}\r\n\n{\"a\":\n{\"a\":3}\n", BodyFormat.AUTO);

        assertEquals(3, items.size());
        assertNotNull(items.get(0).json());
        assertNull(items.get(1).json());
        assertTrue(items.get(1).malformed().reason().startsWith("malformed JSON"), items.get(1).malformed().reason());
        assertEquals("{\"a\":", raw(items.get(1)));
        assertEquals(2, items.get(2).index());
        assertEquals(3, items.get(2).json().get("a").intValue());
    }

    @Test
    void twoValuesOnOneLineOrOneValueAcrossLinesAreMalformedLines() {
        List<ParsedItem> twoOnOne = parse("{\"a\":1} {\"a\":2}\n{\"a\":3}", BodyFormat.NDJSON);
        List<ParsedItem> acrossLines = parse("{\"a\":\n1}\n{\"a\":3}", BodyFormat.NDJSON);

        assertEquals(2, twoOnOne.size());
        assertNull(twoOnOne.get(0).json());
        assertEquals(3, twoOnOne.get(1).json().get("a").intValue());
        assertEquals(3, acrossLines.size());
        assertNull(acrossLines.get(0).json());
        assertNull(acrossLines.get(1).json());
        assertEquals(3, acrossLines.get(2).json().get("a").intValue());
    }

    @Test
    void wellFormedNdjsonKeepsEachLinesExactBytes() {
        List<ParsedItem> items = parse("  {\"a\": 1}  \r\n\n{\"b\":[2]}\n", BodyFormat.NDJSON);

        assertEquals(List.of("{\"a\": 1}", "{\"b\":[2]}"), items.stream().map(BodyParserTest::raw).toList());
        assertEquals(List.of(0, 1), items.stream().map(ParsedItem::index).toList());
    }

    @Test
    void ndjsonContentTypeIsSplitEvenForOneLine() {
        List<ParsedItem> items = parse("{\"a\":1}", BodyFormat.NDJSON);

        assertEquals(0, items.get(0).index());
    }

    @Test
    void malformedArrayIsOneMalformedItem() {
        List<ParsedItem> items = parse("[{\"a\":1}, {\"a\":", BodyFormat.JSON);

        assertEquals(1, items.size());
        assertNull(items.get(0).json());
        assertNull(items.get(0).index());
    }

    @Test
    void duplicateKeysAndTrailingGarbageAreMalformed() {
        assertNull(parse("{\"a\":1,\"a\":2}", BodyFormat.JSON).get(0).json());
        assertNull(parse("{\"a\":1} x", BodyFormat.JSON).get(0).json());
        assertNull(parse("[1] [2]", BodyFormat.JSON).get(0).json());
    }

    @Test
    void parsingStopsOneItemPastTheLimit() {
        String many = "{}\n".repeat(1000);

        assertEquals(MAX_ITEMS + 1, parse(many, BodyFormat.NDJSON).size());
        assertEquals(MAX_ITEMS + 1, parse("[" + "{},".repeat(999) + "{}]", BodyFormat.JSON).size());
        assertEquals(MAX_ITEMS, parse("{}\n".repeat(MAX_ITEMS), BodyFormat.NDJSON).size());
    }

    @Test
    void blankBodyHasNoItems() {
        assertEquals(List.of(), parse(" \n\t ", BodyFormat.AUTO));
    }

    @Test
    void claimedSiteIdIsReadOnlyFromStrings() {
        List<ParsedItem> items = parse("{\"siteId\":\"S-1\"}\n{\"siteId\":5}\n[]", BodyFormat.NDJSON);

        assertEquals("S-1", items.get(0).claimedSiteId());
        assertNull(items.get(1).claimedSiteId());
        assertNull(items.get(2).claimedSiteId());
    }

    private List<CheckedItem<Reading>> checkReadings(String body, BodyFormat format) {
        return parser.check(body.getBytes(StandardCharsets.UTF_8), format, READINGS, Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void readingsReadFromTheTokenStreamKeepTheirIndexBytesAndClaimedSite() {
        String valid = READING.formatted(0, "1.5");
        String invalid = READING.formatted(2, "-1");
        List<CheckedItem<Reading>> items = checkReadings(valid + "\n{\"a\":\n" + invalid + "\n{\"a\":1} {}\n", BodyFormat.NDJSON);

        assertEquals(List.of(0, 1, 2, 3), items.stream().map(CheckedItem::index).toList());
        assertEquals("e-0", items.get(0).validated().record().getEventId());
        assertEquals(valid, new String(items.get(0).raw().bytes(Integer.MAX_VALUE), StandardCharsets.UTF_8));
        assertTrue(items.get(1).validated().violations().get(0).reason().startsWith("malformed JSON"));
        assertNull(items.get(1).claimedSiteId());
        assertEquals(List.of(new Violation("massKg", "must be a finite number > 0")), items.get(2).validated().violations());
        assertEquals("S-1", items.get(2).claimedSiteId());
        assertEquals("malformed JSON: unexpected content after the value", items.get(3).validated().violations().get(0).reason());
    }

    @Test
    void readingsInAnArrayOrAloneAreReadLikeTrees() {
        List<CheckedItem<Reading>> array = checkReadings("[" + READING.formatted(0, "1") + ", 4]", BodyFormat.JSON);
        List<CheckedItem<Reading>> pretty = checkReadings(READING.formatted(5, "2").replace(",", ",\n  "), BodyFormat.AUTO);
        List<CheckedItem<Reading>> duplicate = checkReadings("[" + READING.formatted(0, "1").replace("}}", "},\"lotId\":\"L-2\"}") + "]",
                BodyFormat.JSON);

        assertTrue(array.get(0).validated().isValid());
        assertEquals(List.of(Violation.NOT_AN_OBJECT), array.get(1).validated().violations());
        assertEquals("4", new String(array.get(1).raw().bytes(10), StandardCharsets.UTF_8));
        assertEquals(1, pretty.size());
        assertNull(pretty.get(0).index());
        assertEquals(2.0, pretty.get(0).validated().record().getMassKg());
        assertEquals(1, duplicate.size());
        assertNull(duplicate.get(0).index(), "a malformed array is one malformed item");
        assertTrue(duplicate.get(0).validated().violations().get(0).reason().startsWith("malformed JSON: Duplicate field 'lotId'"));
    }

    @Test
    void everyLineEndIsFoundWhereverItFallsInAWord() {
        // Bytes next to a newline's in value, UTF-8 continuation bytes and NUL around it must not be taken for it.
        byte[] filler = {'x', (byte) 0x8A, 0x0B, 0x09, 0x00, (byte) 0xFF};
        for (int length = 0; length < 40; length++) {
            for (int newline = 0; newline <= length; newline++) {
                byte[] body = new byte[length];
                for (int i = 0; i < length; i++) {
                    body[i] = i == newline ? (byte) '\n' : filler[i % filler.length];
                }
                for (int from = 0; from <= Math.min(newline, length); from++) {
                    assertEquals(newline, BodyParser.lineEnd(body, from), "length " + length + ", newline " + newline + ", from " + from);
                }
            }
        }
    }
}
