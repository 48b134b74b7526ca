package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A validator that reads its items straight from the JSON token stream into the record, building
 * no tree: for the kinds that arrive by the thousand per request. Thread-safe.
 *
 * @param <T> the Avro record type
 */
public interface StreamValidator<T> extends ItemValidator<T> {
    /**
     * Reads one item and validates it.
     *
     * @param parser     positioned on the item's first token; left on its last token
     * @param receivedAt when ingest received it, stamped on records that carry it
     * @throws IOException the item is not well-formed JSON (a key given twice included)
     */
    Decoded<T> read(JsonParser parser, Instant receivedAt) throws IOException;

    /** The same validation of an item already parsed, read back as tokens. */
    @Override
    default Validated<T> validate(JsonNode item, Instant receivedAt) {
        try (JsonParser parser = item.traverse()) {
            parser.nextToken();
            return read(parser, receivedAt).validated();
        } catch (IOException e) {
            throw new UncheckedIOException("a parsed tree is well-formed JSON", e);
        }
    }
}
