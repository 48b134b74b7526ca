package io.scraptrace.streams.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Case;
import io.scraptrace.avro.CaseStatus;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseWorkflowTest {
    private static final Principal INSPECTOR = new Principal("inspector-7", Role.REGULATOR, Set.of("*"));
    private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void aCaseGoesFromOpenThroughInvestigationToADecisionAndMayBeReopened() {
        assertTrue(CaseWorkflow.refusal(null, CaseStatus.INVESTIGATING).isEmpty(), "no case yet counts as OPEN");
        Case investigating = CaseWorkflow.apply("D1", null, CaseStatus.INVESTIGATING, "inspect at the port", INSPECTOR, T);
        assertTrue(CaseWorkflow.refusal(investigating, CaseStatus.CONFIRMED).isEmpty());
        assertTrue(CaseWorkflow.refusal(investigating, CaseStatus.CLEARED).isEmpty());
        Case cleared = CaseWorkflow.apply("D1", investigating, CaseStatus.CLEARED, "grade as declared", INSPECTOR, T.plusSeconds(60));
        assertTrue(CaseWorkflow.refusal(cleared, CaseStatus.INVESTIGATING).isEmpty(), "new evidence reopens a closed case");

        assertEquals(CaseStatus.CLEARED, cleared.getStatus());
        assertEquals(List.of(CaseStatus.INVESTIGATING, CaseStatus.CLEARED), cleared.getHistory().stream().map(c -> c.getStatus()).toList());
        assertEquals("grade as declared", cleared.getHistory().get(1).getNote());
        assertEquals(T.plusSeconds(60), cleared.getHistory().get(1).getAt());
        assertEquals("inspector-7", cleared.getHistory().get(1).getBy().getName());
        assertEquals("regulator", cleared.getHistory().get(1).getBy().getRole());
        assertEquals(List.of("*"), cleared.getHistory().get(1).getBy().getScopes());
    }

    @Test
    void skippingTheInvestigationOrGoingBackToOpenIsRefused() {
        assertFalse(CaseWorkflow.refusal(null, CaseStatus.CONFIRMED).isEmpty());
        assertFalse(CaseWorkflow.refusal(null, CaseStatus.CLEARED).isEmpty());
        assertFalse(CaseWorkflow.refusal(null, CaseStatus.OPEN).isEmpty());
        Case investigating = CaseWorkflow.apply("D1", null, CaseStatus.INVESTIGATING, "look", INSPECTOR, T);
        assertFalse(CaseWorkflow.refusal(investigating, CaseStatus.INVESTIGATING).isEmpty(), "a change must change the status");
        assertFalse(CaseWorkflow.refusal(investigating, CaseStatus.OPEN).isEmpty());
        Case confirmed = CaseWorkflow.apply("D1", investigating, CaseStatus.CONFIRMED, "mis-declared", INSPECTOR, T);
        assertFalse(CaseWorkflow.refusal(confirmed, CaseStatus.CLEARED).isEmpty(), "a decision is reversed only through a new investigation");
        assertTrue(CaseWorkflow.refusal(confirmed, CaseStatus.CLEARED).get().contains("CONFIRMED cannot move to CLEARED"));
    }
}
