package io.scraptrace.ingest.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a body into items: a single JSON object (index null), a JSON array or NDJSON (indexes
 * from 0, blank lines skipped). In NDJSON a malformed line only spoils itself; a malformed array
 * or single object is one malformed item, since where its items start is unknowable. Thread-safe.
 */
public final class BodyParser {
    private static final int MAX_REASON_LENGTH = 300;

    private final int maxItems;

    /**
     * Strict: a key given twice is ambiguous, and trailing garbage after a value is an error.
     * Duplicates are caught while building the tree (free) rather than by the parser's duplicate
     * detector, which was measured at about a sixth of the request handler's CPU time.
     */
    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            // Readings are mostly decimal numbers: the JDK's double parsing would dominate parse time.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build())
            .setNodeFactory(new PresizedNodeFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Reads one array element at a time, where the rest of the array legitimately follows. */
    private final ObjectReader elementReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Objects whose fields are a {@link FieldMap} with room for a reading's fields: hashing and a
     * LinkedHashMap node per field were the largest cost of building a tree in profiles.
     */
    private static final class PresizedNodeFactory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;
        private static final int READING_FIELDS = 16;

        @Override
        public ObjectNode objectNode() {
            return new ObjectNode(this, new FieldMap(READING_FIELDS));
        }
    }

    /**
     * @param maxItems items a body may hold: parsing stops after {@code maxItems + 1}, so a body of
     *                 millions of tiny items costs no more than the caller's refusal of it
     */
    public BodyParser(int maxItems) {
        this.maxItems = maxItems;
    }

    /** The items of {@code body} (at most {@code maxItems + 1}); empty when it holds nothing but whitespace. */
    public List<ParsedItem> parse(byte[] body, BodyFormat format) {
        int first = skipWhitespace(body, 0, body.length);
        if (first == body.length) {
            return List.of();
        }
        if (format == BodyFormat.NDJSON) {
            return lines(body);
        }
        if (body[first] == '[') {
            return array(body);
        }
        if (format == BodyFormat.AUTO && lineCount(body) > 1) {
            // A pretty-printed single object also spans lines: only if it is not one value is it NDJSON.
            ParsedItem whole = single(body);
            return whole.json() != null ? List.of(whole) : lines(body);
        }
        return List.of(single(body));
    }

    private ParsedItem single(byte[] body) {
        RawSlice raw = RawSlice.of(body);
        try {
            return ParsedItem.parsed(null, mapper.readTree(body), raw);
        } catch (JsonProcessingException e) {
            return ParsedItem.malformed(null, reason(e), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ParsedItem> array(byte[] body) {
        List<ParsedItem> items = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() != JsonToken.END_ARRAY && items.size() <= maxItems) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                JsonNode item = elementReader.readTree(parser);
                int end = (int) parser.currentLocation().getByteOffset();
                items.add(ParsedItem.parsed(items.size(), item, new RawSlice(body, start, end - start)));
            }
            if (items.size() <= maxItems && parser.nextToken() != null) {
                return List.of(ParsedItem.malformed(null, "malformed JSON: unexpected content after the array", RawSlice.of(body)));
            }
            return items;
        } catch (JsonProcessingException e) {
            return List.of(ParsedItem.malformed(null, reason(e), RawSlice.of(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ParsedItem> lines(byte[] body) {
        List<ParsedItem> items = new ArrayList<>();
        int start = 0;
        while (start < body.length && items.size() <= maxItems) {
            int end = indexOf(body, (byte) '\n', start);
            int contentStart = skipWhitespace(body, start, end);
            if (contentStart < end) {
                RawSlice raw = new RawSlice(body, contentStart, trimEnd(body, contentStart, end) - contentStart);
                items.add(line(items.size(), raw));
            }
            start = end + 1;
        }
        return items;
    }

    private ParsedItem line(int index, RawSlice raw) {
        try {
            return ParsedItem.parsed(index, mapper.readTree(raw.body(), raw.offset(), raw.length()), raw);
        } catch (JsonProcessingException e) {
            return ParsedItem.malformed(index, reason(e), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reason(JsonProcessingException e) {
        String message = "malformed JSON: " + e.getOriginalMessage();
        return message.length() > MAX_REASON_LENGTH ? message.substring(0, MAX_REASON_LENGTH) + "..." : message;
    }

    private static int lineCount(byte[] body) {
        int lines = 0;
        int start = 0;
        while (start < body.length && lines < 2) {
            int end = indexOf(body, (byte) '\n', start);
            if (skipWhitespace(body, start, end) < end) {
                lines++;
            }
            start = end + 1;
        }
        return lines;
    }

    private static int indexOf(byte[] body, byte wanted, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return body.length;
    }

    private static int skipWhitespace(byte[] body, int from, int to) {
        int i = from;
        while (i < to && isWhitespace(body[i])) {
            i++;
        }
        return i;
    }

    private static int trimEnd(byte[] body, int from, int to) {
        int i = to;
        while (i > from && isWhitespace(body[i - 1])) {
            i--;
        }
        return i;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
