package io.scraptrace.app.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.broker.ScratchKafka;
import io.scraptrace.streams.alerts.evaluation.AlertEvaluation;
import io.scraptrace.streams.alerts.evaluation.CodeScore;
import io.scraptrace.streams.alerts.evaluation.EvaluationReport;
import io.scraptrace.streams.alerts.evaluation.ScenarioSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The alert rules on a short plant simulator run with planted anomalies (simulated clock, so the
 * same seed gives the same run): readings graded by the default models, declarations judged by the
 * production alert topology, scored against the simulator's ground truth with the evidence gate
 * applied as {@code evaluate-alerts --simulated} applies it. Every code must reach the goal of
 * precision and recall >= 0.97.
 */
class SimulatedAlertEvaluationTest {
    /** Codes a short run must plant for the figures to mean something (the simulator plants the rarest code first). */
    private static final int MIN_CODES_PLANTED = 6;

    @Test
    void everyCodeMeetsTheGoalOnASimulatedPlant() {
        Path dir = ScratchState.create("simulated-alert-evaluation");
        try {
            ScenarioSet set = SimulatedScenarios.simulate(new SimulatedScenarios.Run(Duration.ofSeconds(15), 42, 6, 400, 0.5), dir);
            EvaluationReport report = new AlertEvaluation(Map.of()).evaluate(set, dir.resolve("state"));
            System.out.println(report.format());

            List<CodeScore> planted = report.scores().stream().filter(score -> score.support() > 0).toList();
            assertTrue(planted.size() >= MIN_CODES_PLANTED, report.format());
            assertTrue(report.gate().isPresent(), "planted labels go through the evidence gate");
            assertEquals(List.of(), report.below(AlertEvaluation.GOAL), report::format);
        } finally {
            ScratchKafka.deleteTree(dir);
        }
    }
}
