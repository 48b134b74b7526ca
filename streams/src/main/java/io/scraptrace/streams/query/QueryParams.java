package io.scraptrace.streams.query;

import io.javalin.http.Context;
import io.scraptrace.core.http.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parsing of query-string parameters into typed values, with the contract's 400 on bad input. */
public final class QueryParams {
    /** The latest instant state stores accept (they count in epoch milliseconds). */
    public static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);

    private QueryParams() {
    }

    /** An ISO-8601 instant or epoch milliseconds within epoch..{@link #LATEST}; {@code fallback} when absent. */
    public static Instant instant(Context ctx, String name, Instant fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Instant parsed = value.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(value)) : Instant.parse(value);
            if (parsed.isBefore(Instant.EPOCH) || parsed.isAfter(LATEST)) {
                throw ApiException.badRequest(name, "must lie between 1970 and the year 292278994");
            }
            return parsed;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiException.badRequest(name, "must be an ISO-8601 instant or epoch milliseconds");
        }
    }

    /** An integer within {@code min..max}; {@code fallback} when absent. */
    public static int integer(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw ApiException.badRequest(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "must be an integer");
        }
    }
}
