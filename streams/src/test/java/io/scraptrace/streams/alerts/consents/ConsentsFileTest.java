package io.scraptrace.streams.alerts.consents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Material;
import io.scraptrace.streams.alerts.model.Consent;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConsentsFileTest {
    @Test
    void bundledDefaultAllowsBlackMassToKoreaAndBelgiumForAnyExporter() {
        Map<String, Consent> byDestination = ConsentsFile.read(null).stream()
                .collect(Collectors.toMap(Consent::destination, c -> c));

        assertEquals(List.of("BE", "KR"), byDestination.keySet().stream().sorted().toList());
        for (Consent consent : byDestination.values()) {
            assertEquals(Material.BLACK_MASS, consent.material());
            assertNull(consent.exporterId());
            assertTrue(consent.covers(Material.BLACK_MASS, "ANY-EXPORTER", LocalDate.of(2030, 1, 1)));
        }
    }

    @Test
    void commentsAndBlankLinesAreSkipped() throws IOException {
        String text = "# header\n\n{\"consentId\":\"C1\",\"exporterId\":\"E1\",\"destination\":\"DE\",\"material\":\"BLACK_MASS\","
                + "\"validFrom\":\"2026-01-01\",\"validUntil\":\"2026-12-31\"}\n";

        List<Consent> consents = ConsentsFile.parse(new StringReader(text), "test");

        assertEquals(List.of(new Consent("C1", "E1", "DE", Material.BLACK_MASS, "2026-01-01", "2026-12-31")), consents);
    }

    @Test
    void aBadLineIsRejectedWithItsLineNumber() {
        String text = "{\"consentId\":\"C1\",\"destination\":\"DE\",\"material\":\"BLACK_MASS\"}\n"
                + "{\"consentId\":\"C2\",\"destination\":\"DE\",\"material\":\"BLACK_MASS\",\"validUntil\":\"31/12/2026\"}\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConsentsFile.parse(new StringReader(text), "f.jsonl"));
        assertTrue(e.getMessage().startsWith("f.jsonl line 2"), e.getMessage());
    }

    @Test
    void aConsentWithoutDestinationIsRejected() {
        String text = "{\"consentId\":\"C1\",\"material\":\"BLACK_MASS\"}\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConsentsFile.parse(new StringReader(text), "f"));
        assertTrue(e.getMessage().contains("destination"), e.getMessage());
    }
}
