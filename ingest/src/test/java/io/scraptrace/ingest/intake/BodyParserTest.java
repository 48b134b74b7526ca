package io.scraptrace.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyParserTest {
    private static final int MAX_ITEMS = 5;
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
}
