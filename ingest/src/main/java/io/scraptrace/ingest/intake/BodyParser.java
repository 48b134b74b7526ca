package io.scraptrace.ingest.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.ingest.validation.Decoded;
import io.scraptrace.ingest.validation.StreamValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Splits a body into items: a single JSON object (index null), a JSON array or NDJSON (indexes
 * from 0, blank lines skipped). In NDJSON a malformed line only spoils itself; a malformed array
 * or single object is one malformed item, since where its items start is unknowable. Strict: a
 * key given twice is ambiguous, and trailing garbage after a value is an error. Thread-safe.
 */
public final class BodyParser {
    private static final int MAX_REASON_LENGTH = 300;
    /** A body's bytes read eight at a time, the first byte lowest, as {@link #lineEnd} needs. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONE_PER_BYTE = 0x0101010101010101L;
    private static final long HIGH_BIT_PER_BYTE = 0x8080808080808080L;

    private final int maxItems;

    /**
     * Duplicates are caught while building the tree (free) rather than by the parser's duplicate
     * detector, which was measured at about a sixth of the request handler's CPU time.
     */
    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            // Readings are mostly decimal numbers: the JDK's double parsing would dominate parse time.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build())
            .setNodeFactory(new PresizedNodeFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private final ItemDecoder<JsonNode, ParsedItem> trees = new ItemDecoder<>() {
        @Override
        public JsonNode read(JsonParser parser) throws IOException {
            // Reads one value only (the rest of an array may follow); what follows a whole item is checked in whole().
            return mapper.readTree(parser);
        }

        @Override
        public ParsedItem item(Integer index, JsonNode value, RawSlice raw) {
            return ParsedItem.parsed(index, value, raw);
        }

        @Override
        public ParsedItem malformed(Integer index, String reason, RawSlice raw) {
            return ParsedItem.malformed(index, reason, raw);
        }
    };

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

    /** Reads each item with a kind's {@link StreamValidator}: no tree, validated as it is read. */
    private record StreamDecoder<T>(StreamValidator<T> validator, Instant receivedAt) implements ItemDecoder<Decoded<T>, CheckedItem<T>> {
        @Override
        public Decoded<T> read(JsonParser parser) throws IOException {
            return validator.read(parser, receivedAt);
        }

        @Override
        public CheckedItem<T> item(Integer index, Decoded<T> value, RawSlice raw) {
            return new CheckedItem<>(index, raw, value.claimedSiteId(), value.validated());
        }

        @Override
        public CheckedItem<T> malformed(Integer index, String reason, RawSlice raw) {
            return CheckedItem.malformed(index, reason, raw);
        }
    }

    /**
     * @param maxItems items a body may hold: parsing stops after {@code maxItems + 1}, so a body of
     *                 millions of tiny items costs no more than the caller's refusal of it
     */
    public BodyParser(int maxItems) {
        this.maxItems = maxItems;
    }

    /** The items of {@code body} (at most {@code maxItems + 1}) as trees; empty when it holds nothing but whitespace. */
    public List<ParsedItem> parse(byte[] body, BodyFormat format) {
        return items(body, format, trees);
    }

    /**
     * The items of {@code body} (at most {@code maxItems + 1}) validated as {@code kind}; read straight
     * from the token stream when its validator can, else parsed into trees first.
     */
    public <T extends SpecificRecord> List<CheckedItem<T>> check(byte[] body, BodyFormat format, RecordKind<T> kind, Instant receivedAt) {
        if (kind.validator() instanceof StreamValidator<T> stream) {
            return items(body, format, new StreamDecoder<>(stream, receivedAt));
        }
        return CheckedItem.all(parse(body, format), kind.validator(), receivedAt);
    }

    private <V, I> List<I> items(byte[] body, BodyFormat format, ItemDecoder<V, I> decoder) {
        int first = skipWhitespace(body, 0, body.length);
        if (first == body.length) {
            return List.of();
        }
        if (format == BodyFormat.NDJSON) {
            return lines(body, decoder);
        }
        if (body[first] == '[') {
            return array(body, decoder);
        }
        if (format == BodyFormat.AUTO && lineCount(body) > 1) {
            // A pretty-printed single object also spans lines: only if it is not one value is it NDJSON.
            try {
                return List.of(decoder.item(null, whole(body, 0, body.length, decoder), RawSlice.of(body)));
            } catch (JsonProcessingException e) {
                return lines(body, decoder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.of(item(null, RawSlice.of(body), decoder));
    }

    private <V, I> List<I> array(byte[] body, ItemDecoder<V, I> decoder) {
        List<I> items = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() != JsonToken.END_ARRAY && items.size() <= maxItems) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                V item = decoder.read(parser);
                int end = (int) parser.currentLocation().getByteOffset();
                items.add(decoder.item(items.size(), item, new RawSlice(body, start, end - start)));
            }
            if (items.size() <= maxItems && parser.nextToken() != null) {
                return List.of(decoder.malformed(null, "malformed JSON: unexpected content after the array", RawSlice.of(body)));
            }
            return items;
        } catch (JsonProcessingException e) {
            return List.of(decoder.malformed(null, reason(e), RawSlice.of(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <V, I> List<I> lines(byte[] body, ItemDecoder<V, I> decoder) {
        List<I> items = new ArrayList<>();
        int start = 0;
        while (start < body.length && items.size() <= maxItems) {
            int end = lineEnd(body, start);
            int contentStart = skipWhitespace(body, start, end);
            if (contentStart < end) {
                RawSlice raw = new RawSlice(body, contentStart, trimEnd(body, contentStart, end) - contentStart);
                items.add(item(items.size(), raw, decoder));
            }
            start = end + 1;
        }
        return items;
    }

    /** The item whose bytes are the whole of {@code raw}. */
    private <V, I> I item(Integer index, RawSlice raw, ItemDecoder<V, I> decoder) {
        try {
            return decoder.item(index, whole(raw.body(), raw.offset(), raw.length(), decoder), raw);
        } catch (JsonProcessingException e) {
            return decoder.malformed(index, reason(e), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the one value that must fill {@code body[offset, offset + length)}, whitespace aside. */
    private <V> V whole(byte[] body, int offset, int length, ItemDecoder<V, ?> decoder) throws IOException {
        try (JsonParser parser = mapper.createParser(body, offset, length)) {
            parser.nextToken();
            V value = decoder.read(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the value");
            }
            return value;
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
            int end = lineEnd(body, start);
            if (skipWhitespace(body, start, end) < end) {
                lines++;
            }
            start = end + 1;
        }
        return lines;
    }

    /**
     * Where the line starting at {@code from} ends: its newline, or the end of the body. Eight
     * bytes at a time (the per-byte loop showed in profiles of NDJSON bodies): a word holds a
     * newline where its XOR with eight newlines has a zero byte, and the lowest such byte is the
     * first (Hacker's Delight, 2nd ed., section 6-1, "find first 0-byte").
     */
    static int lineEnd(byte[] body, int from) {
        int i = from;
        for (; i <= body.length - Long.BYTES; i += Long.BYTES) {
            long word = (long) WORDS.get(body, i) ^ NEWLINES;
            long zeroBytes = (word - ONE_PER_BYTE) & ~word & HIGH_BIT_PER_BYTE;
            if (zeroBytes != 0) {
                return i + (Long.numberOfTrailingZeros(zeroBytes) >>> 3);
            }
        }
        for (; i < body.length; i++) {
            if (body[i] == '\n') {
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
