package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.core.JsonToken;

/**
 * The top-level fields of one JSON object as {@link FieldChecks} reads them, whatever holds them
 * (a parsed tree, or values kept while reading the token stream).
 */
public interface FieldValues {
    /** The token of the field's value ({@code VALUE_STRING}, {@code START_OBJECT}, ...); null when the field is missing. */
    JsonToken token(String field);

    /** The field's text, when its token is {@code VALUE_STRING}. */
    String text(String field);

    /** The field's value, when its token is a number. */
    double number(String field);
}
