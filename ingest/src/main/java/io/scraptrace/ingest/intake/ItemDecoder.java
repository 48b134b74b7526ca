package io.scraptrace.ingest.intake;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * What {@link BodyParser} makes of each item of a body: it reads the item's JSON value from the
 * token stream, then pairs it with the item's position and bytes, known once it has been read.
 *
 * @param <V> what is read of one value
 * @param <I> the item
 */
interface ItemDecoder<V, I> {
    /**
     * Reads the value whose first token the parser is on, leaving the parser on its last token.
     *
     * @throws IOException it is not well-formed JSON
     */
    V read(JsonParser parser) throws IOException;

    /** The item of a value read, at {@code index} (null for a single object) with its bytes. */
    I item(Integer index, V value, RawSlice raw);

    /** An item that is not JSON, and why. */
    I malformed(Integer index, String reason, RawSlice raw);
}
