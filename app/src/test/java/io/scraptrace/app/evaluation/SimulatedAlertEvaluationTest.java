package io.scraptrace.app.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.broker.ScratchKafka;
import io.scraptrace.streams.alerts.evaluation.AlertEvaluation;
import io.scraptrace.streams.alerts.evaluation.CodeScore;
import io.scraptrace.streams.alerts.evaluation.EvaluationReport;
import io.scraptrace.streams.alerts.evaluation.ScenarioSet;
import io.scraptrace.streams.alerts.model.AlertCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules on a short plant simulator run with planted anomalies: readings graded by the
 * default models, declarations judged by the production alert topology, scored against the
 * simulator's ground truth. What it holds the rules to: no accusation the ground truth does not
 * back, and every other departure from it an "inspect" of the evidence gate. The 0.97 recall goal
 * itself is printed by {@code evaluate-alerts --simulated}; the gate can turn a planted grade
 * finding into INSUFFICIENT_EVIDENCE when the model is unsure about the lots.
 */
class SimulatedAlertEvaluationTest {
    /** Codes a short run must plant for the figures to mean something (the simulator plants the rarest code first). */
    private static final int MIN_CODES_PLANTED = 5;
    /** The codes raised, in a mismatch line of the report. */
    private static final Pattern RAISED = Pattern.compile(", raised \\[([^]]*)]");

    @Test
    void noWrongAccusationAndEveryOtherMissIsAnInspect() {
        Path dir = ScratchState.create("simulated-alert-evaluation");
        try {
            evaluate(dir);
        } finally {
            ScratchKafka.deleteTree(dir);
        }
    }

    private static void evaluate(Path dir) {
        ScenarioSet set = SimulatedScenarios.simulate(new SimulatedScenarios.Run(Duration.ofSeconds(15), 42, 6, 400, 0.5), dir);
        EvaluationReport report = new AlertEvaluation(Map.of()).evaluate(set, dir.resolve("state"));
        System.out.println(report.format());
        List<CodeScore> planted = report.scores().stream().filter(score -> score.support() > 0).toList();
        assertTrue(planted.size() >= MIN_CODES_PLANTED, report.format());
        List<String> wronglyAccused = report.scores().stream()
                .filter(score -> !score.code().equals(AlertCode.INSUFFICIENT_EVIDENCE.name()) && score.falsePositives() > 0)
                .map(CodeScore::code).toList();
        assertEquals(List.of(), wronglyAccused, report.format());
        // Only the grade rules stand behind the evidence gate: every other planted code is raised every time.
        Set<String> gated = Set.of(AlertCode.UNDER_DECLARED_GRADE.name(), AlertCode.HS_CODE_MISMATCH.name(),
                AlertCode.INSUFFICIENT_EVIDENCE.name());
        List<String> missed = planted.stream().filter(score -> !gated.contains(score.code()) && score.falseNegatives() > 0)
                .map(CodeScore::code).toList();
        assertEquals(List.of(), missed, report.format());
        // With no other code raised wrongly, a declaration judged otherwise than planted is one the gate marked "inspect".
        for (String mismatch : report.mismatches()) {
            Matcher raised = RAISED.matcher(mismatch);
            assertTrue(raised.find() && raised.group(1).contains(AlertCode.INSUFFICIENT_EVIDENCE.name()), mismatch);
        }
    }
}
