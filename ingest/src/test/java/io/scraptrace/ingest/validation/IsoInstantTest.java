package io.scraptrace.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast path must accept exactly what the standard formatter accepts, with the same result. */
class IsoInstantTest {
    private static final List<String> SAMPLES = List.of(
            "2026-01-31T12:00:00Z", "2026-01-31T12:00:00.5Z", "2026-01-31T12:00:00.123456789Z", "2026-01-31T12:00:00.Z",
            "2026-11-25T09:59:58+09:00", "2026-03-01T00:30:00-05:30", "2024-02-29T23:59:59.999+00:00", "2026-01-31T12:00Z",
            "+2026-01-31T12:00:00Z", "2026-01-31T12:00:00", "2026-02-30T12:00:00Z", "2026-01-31T24:00:00Z",
            "2026-01-31 12:00:00Z", "2026-01-31T12:00:00.1234567891Z", "2026-01-31T12:00:00+0900", "2026-01-31T12:00:00+19:00",
            "2026-1-31T12:00:00Z", "2026-01-31T12:00:0xZ", "2026-01-31T12:00:00ZZ", "2026-01-31T12:00:00+09:00:00");

    @Test
    void agreesWithTheStandardFormatter() {
        int accepted = 0;
        for (String text : SAMPLES) {
            Instant expected;
            try {
                expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
            } catch (DateTimeParseException e) {
                assertThrows(DateTimeParseException.class, () -> IsoInstant.parse(text), text);
                continue;
            }
            assertEquals(expected, IsoInstant.parse(text), text);
            accepted++;
        }
        assertTrue(accepted >= 6 && accepted <= SAMPLES.size() - 8, "samples cover both outcomes: " + accepted);
    }
}
