package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Skips a value no validator reads (an unknown field, a container where a number belongs) as
 * strictly as parsing it would: a key given twice anywhere in an item makes it malformed.
 */
final class StrictSkip {
    private StrictSkip() {
    }

    /** Skips the value whose first token the parser is on, leaving it on the value's last token. */
    static void value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Set<String> names = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                requireFirst(parser, name, names.add(name));
                parser.nextToken();
                value(parser);
            }
        } else if (token == JsonToken.START_ARRAY) {
            for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY && element != null; element = parser.nextToken()) {
                value(parser);
            }
        }
    }

    /** A key met a second time in one object: the item is ambiguous, so malformed. */
    static void requireFirst(JsonParser parser, String name, boolean first) throws JsonParseException {
        if (!first) {
            throw new JsonParseException(parser, "Duplicate field '" + name + "'");
        }
    }
}
