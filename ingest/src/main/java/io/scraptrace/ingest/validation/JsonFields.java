package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link FieldChecks} of a parsed JSON object (the kinds whose items are parsed into a tree;
 * readings are read from the token stream instead), with the checks only those kinds need.
 */
public final class JsonFields extends FieldChecks {
    private final JsonNode item;

    public JsonFields(JsonNode item) {
        super(new TreeValues(item));
        this.item = item;
    }

    /** An optional ISO-8601 date ({@code 2027-03-31}), returned in its canonical text form. */
    public String optionalDate(String field) {
        if (isAbsent(field)) {
            return null;
        }
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            reject(field, "must be an ISO-8601 date, e.g. 2027-03-31");
            return null;
        }
    }

    /** A required non-empty array of identifiers; null when missing or wrong. */
    public List<String> idList(String field) {
        JsonNode node = item.get(field);
        if (!required(field, node == null ? null : node.asToken())) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            reject(field, "must be a non-empty array of strings");
            return null;
        }
        List<String> ids = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String name = field + "[" + i + "]";
            if (!element.isTextual() || element.textValue().isBlank()) {
                reject(name, "must be a non-blank string");
            } else if (element.textValue().length() > MAX_ID_LENGTH) {
                reject(name, "must be at most " + MAX_ID_LENGTH + " characters");
            } else {
                ids.add(element.textValue());
            }
        }
        return ids.size() == node.size() ? ids : null;
    }

    /** A tree's fields: each node's token is the one a parser gave for it. */
    private record TreeValues(JsonNode item) implements FieldValues {
        @Override
        public JsonToken token(String field) {
            JsonNode node = item.get(field);
            return node == null ? null : node.asToken();
        }

        @Override
        public String text(String field) {
            return item.get(field).textValue();
        }

        @Override
        public double number(String field) {
            return item.get(field).doubleValue();
        }
    }
}
