package io.scraptrace.app.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.broker.ScratchKafka;
import io.scraptrace.streams.alerts.evaluation.AlertEvaluation;
import io.scraptrace.streams.alerts.evaluation.CodeScore;
import io.scraptrace.streams.alerts.evaluation.EvaluationReport;
import io.scraptrace.streams.alerts.evaluation.ScenarioSet;
import io.scraptrace.streams.alerts.model.AlertCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules on the bundled declarations whose lots are raw plant readings, graded by the
 * default models. What it holds the whole path to: no grade accusation where a regulator should see
 * none, every non-grade code raised wherever it should be, and every other departure from the
 * expected codes an "inspect" on lots the sorter graded UNCERTAIN; and, since the catalogue admits
 * every material the set declares, precision and recall of at least 0.97 for every code.
 */
class PlantReadingsEvaluationTest {
    private static final Pattern RAISED = Pattern.compile(", raised \\[([^]]*)]");
    private static final Set<String> GRADE_ACCUSATIONS = Set.of(AlertCode.UNDER_DECLARED_GRADE.name(), AlertCode.HS_CODE_MISMATCH.name());

    @Test
    void noWrongGradeAccusationAndEveryOtherMissIsAnInspect() {
        Path dir = ScratchState.create("plant-readings-evaluation");
        EvaluationReport report;
        try {
            ScenarioSet set = PlantReadingsScenarios.load(null);
            report = new AlertEvaluation(Map.of()).evaluate(set, dir.resolve("state"));
        } finally {
            ScratchKafka.deleteTree(dir);
        }
        System.out.println(report.format());
        // The set must be able to measure every code, or a code could fail unseen.
        assertEquals(List.of(), report.unmeasured(), report.format());
        List<String> wronglyAccused = report.scores().stream()
                .filter(score -> GRADE_ACCUSATIONS.contains(score.code()) && score.falsePositives() > 0).map(CodeScore::code).toList();
        assertEquals(List.of(), wronglyAccused, report.format());
        // Only the grade rules stand behind the evidence gate: every other expected code is raised every time.
        List<String> missed = report.scores().stream()
                .filter(score -> !GRADE_ACCUSATIONS.contains(score.code()) && !score.code().equals(AlertCode.INSUFFICIENT_EVIDENCE.name())
                        && score.falseNegatives() > 0)
                .map(CodeScore::code).toList();
        assertEquals(List.of(), missed, report.format());
        for (String mismatch : report.mismatches()) {
            Matcher raised = RAISED.matcher(mismatch);
            assertTrue(raised.find() && raised.group(1).contains(AlertCode.INSUFFICIENT_EVIDENCE.name()), mismatch);
        }
        assertEquals(List.of(), report.below(AlertEvaluation.GOAL), report::format);
    }

    @Test
    void aReadingIngestWouldRejectFailsTheSetInsteadOfBeingDropped() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("receivedAt", "2026-06-01T08:30:00Z");
        ObjectNode reading = root.putArray("lots").addObject().put("lotId", "L-1").putArray("readings").addObject()
                .put("eventId", "E-1").put("siteId", "S-1").put("stationId", "ST-1").put("lotId", "L-1")
                .put("timestamp", "2026-06-01T08:00:00Z").put("sensor", "XRF").put("massKg", -5);
        reading.putObject("composition").put("Fe", 99.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlantReadingsScenarios.parse(root, "bad"));
        assertTrue(e.getMessage().contains("lot L-1 readings[0]") && e.getMessage().contains("massKg"), e.getMessage());
    }

    @Test
    void anExpectedCodeThatDoesNotExistFailsTheSet() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("receivedAt", "2026-06-01T08:30:00Z");
        ObjectNode entry = root.putArray("declarations").addObject();
        entry.putObject("declaration").put("declarationId", "D-1").put("exporterId", "X").put("siteId", "S-1").put("port", "JP-12")
                .put("hsCode", "7204.49").put("declaredMaterial", "FERROUS").put("massKg", 1000).put("valueJpy", 48000)
                .put("destination", "VN").put("timestamp", "2026-06-01T09:00:00Z").putArray("lotIds").add("L-1");
        entry.putArray("expected").add("UNDERDECLARED");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlantReadingsScenarios.parse(root, "bad"));
        assertTrue(e.getMessage().contains("UNDERDECLARED is not an alert code"), e.getMessage());
    }
}
