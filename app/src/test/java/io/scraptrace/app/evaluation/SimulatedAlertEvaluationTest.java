package io.scraptrace.app.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.streams.alerts.evaluation.AlertEvaluation;
import io.scraptrace.streams.alerts.evaluation.CodeScore;
import io.scraptrace.streams.alerts.evaluation.EvaluationReport;
import io.scraptrace.streams.alerts.evaluation.ScenarioSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert goal on a short plant simulator run with planted anomalies: readings graded by the
 * default models, declarations judged by the production alert topology, scored against the
 * simulator's ground truth.
 */
class SimulatedAlertEvaluationTest {
    /** Codes a short run must plant for the figures to mean something (the simulator plants the rarest code first). */
    private static final int MIN_CODES_PLANTED = 5;

    @TempDir
    Path dir;

    @Test
    void everyPlantedCodeMeetsThePrecisionAndRecallGoal() {
        ScenarioSet set = SimulatedScenarios.simulate(new SimulatedScenarios.Run(Duration.ofSeconds(20), 42, 6, 400, 0.5), dir);
        EvaluationReport report = new AlertEvaluation(Map.of()).evaluate(set, dir.resolve("state"));
        List<CodeScore> planted = report.scores().stream().filter(score -> score.support() > 0).toList();
        assertTrue(planted.size() >= MIN_CODES_PLANTED, report.format());
        assertEquals(List.of(), report.below(AlertEvaluation.GOAL), report.format());
    }
}
