package io.scraptrace.app;

import io.scraptrace.broker.ScratchKafka;
import io.scraptrace.streams.alerts.evaluation.AlertEvaluation;
import io.scraptrace.streams.alerts.evaluation.EvaluationReport;
import io.scraptrace.streams.alerts.evaluation.HandWrittenScenarios;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scraptrace evaluate-alerts}: precision and recall per alert code of the alert rules (the
 * production topology, driven offline) on the declarations written by hand from public sources;
 * exits 1 when a code misses the goal.
 */
@Command(name = "evaluate-alerts", mixinStandardHelpOptions = true,
        description = "Precision and recall per alert code on the hand-written declarations (goal >= 0.97).")
final class EvaluateAlertsCommand implements Callable<Integer> {
    @Option(names = "--min-graded-share", paramLabel = "SHARE",
            description = "alerts.evidence.min.graded.share to evaluate with (default: the service's 0.8).")
    Double minGradedShare;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() {
        Map<String, String> config = new HashMap<>();
        if (minGradedShare != null) {
            config.put("alerts.evidence.min.graded.share", Double.toString(minGradedShare));
        }
        Path stateDir = tempDir();
        try {
            EvaluationReport report = new AlertEvaluation(config).evaluate(HandWrittenScenarios.load(), stateDir);
            out.println(report.format());
            List<String> below = report.below(AlertEvaluation.GOAL);
            out.println(below.isEmpty() ? String.format(Locale.ROOT, "every code meets precision and recall >= %.2f", AlertEvaluation.GOAL)
                    : "below the goal: " + below);
            return below.isEmpty() ? 0 : 1;
        } finally {
            ScratchKafka.deleteTree(stateDir);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("scraptrace-evaluate-alerts");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory", e);
        }
    }
}
