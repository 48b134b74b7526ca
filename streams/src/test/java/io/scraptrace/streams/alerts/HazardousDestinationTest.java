package io.scraptrace.streams.alerts;

import static io.scraptrace.streams.alerts.AlertsFixture.declaration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Material;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HazardousDestinationTest extends AlertsTestBase {
    private static final String CODE = "HAZARDOUS_DESTINATION";

    @BeforeEach
    void blackMassLot() {
        fx.consent("PIC-KR", null, "KR", Material.BLACK_MASS, null, null);
        fx.grade("S1", "L1", "BM_NMC", 1_000);
    }

    private static ExportDeclaration.Builder blackMass(String id, String destination) {
        return declaration(id, "S1", 1_000, "L1").setDeclaredMaterial(Material.BLACK_MASS).setHsCode("8549.13")
                .setExporterId("EXP-1").setDestination(destination);
    }

    @Test
    void blackMassWithoutConsentFiresWithSeverityFive() {
        fx.declare(blackMass("D1", "CN"));

        AlertReason reason = assertFires("D1", CODE);
        assertEquals(5, reason.getSeverity());
        assertMentions(reason, "CN");
        assertMentions(reason, "BM_NMC");
        assertEquals(List.of("L1"), reason.getEvidence().getIds());
        assertEquals(1_000, reason.getEvidence().getFigures().get("measuredMassKg"), 1e-9);
        assertEquals(0, reason.getEvidence().getFigures().get("consentsForDestination"), 1e-9);
    }

    @Test
    void consentedDestinationIsANearMiss() {
        fx.declare(blackMass("D1", "KR"));

        assertQuiet("D1", CODE);
    }

    @Test
    void measuredBlackMassDeclaredAsSomethingElseStillNeedsConsent() {
        fx.declare(declaration("D1", "S1", 1_000, "L1").setDestination("CN"));

        assertFires("D1", CODE);
    }

    @Test
    void consentForAnotherExporterOrOutOfDateDoesNotCover() {
        fx.consent("PIC-BE-OTHER", "EXP-2", "BE", Material.BLACK_MASS, null, null);
        fx.consent("PIC-TH-OLD", null, "TH", Material.BLACK_MASS, "2025-01-01", "2026-05-31");
        fx.consent("PIC-TH-NOW", null, "MY", Material.BLACK_MASS, "2026-06-01", "2026-06-01");
        fx.declare(blackMass("D1", "BE"));
        fx.declare(blackMass("D2", "TH"));
        fx.declare(blackMass("D3", "MY"));

        assertBasis(assertFires("D1", CODE), "A1170", "consent PIC-BE-OTHER: is for exporter EXP-2");
        assertBasis(assertFires("D2", CODE), "A1181", "consent PIC-TH-OLD: valid 2025-01-01 to 2026-05-31, not on 2026-06-01");
        assertQuiet("D3", CODE);
    }

    @Test
    void aDestinationWithoutAnyConsentSaysSo() {
        fx.declare(blackMass("D1", "CN"));

        assertBasis(assertFires("D1", CODE), "Y49", "no consent on file for destination CN");
    }

    private static void assertBasis(AlertReason reason, String... mentioned) {
        String basis = String.join("\n", reason.getEvidence().getBasis());
        for (String text : mentioned) {
            assertTrue(basis.contains(text), () -> "basis should mention " + text + ": " + basis);
        }
    }

    @Test
    void revokedConsentNoLongerCovers() {
        fx.revokeConsent("PIC-KR");
        fx.declare(blackMass("D1", "KR"));

        assertFires("D1", CODE);
    }

    @Test
    void malformedConsentOnTheTopicIsIgnoredAndChecksGoOn() {
        fx.consent("PIC-CN-BAD", null, "CN", Material.BLACK_MASS, "someday", null);
        fx.declare(blackMass("D1", "CN"));

        assertFires("D1", CODE);
    }

    @Test
    void aConsentMovedToAnotherDestinationNoLongerCoversTheOldOne() {
        fx.consent("PIC-MOVE", null, "TH", Material.BLACK_MASS, null, null);
        fx.consent("PIC-MOVE", null, "MY", Material.BLACK_MASS, null, null);
        fx.declare(blackMass("D1", "TH"));
        fx.declare(blackMass("D2", "MY"));

        assertFires("D1", CODE);
        assertQuiet("D2", CODE);
    }
}
