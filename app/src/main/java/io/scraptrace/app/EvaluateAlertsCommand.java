package io.scraptrace.app;

import io.scraptrace.app.evaluation.PlantReadingsScenarios;
import io.scraptrace.app.evaluation.ScratchState;
import io.scraptrace.app.evaluation.SimulatedScenarios;
import io.scraptrace.broker.ScratchKafka;
import io.scraptrace.core.cli.DurationConverter;
import io.scraptrace.streams.alerts.evaluation.AlertEvaluation;
import io.scraptrace.streams.alerts.evaluation.EvaluationReport;
import io.scraptrace.streams.alerts.evaluation.HandWrittenScenarios;
import io.scraptrace.streams.alerts.evaluation.ScenarioSet;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scraptrace evaluate-alerts}: precision and recall per alert code of the alert rules (the
 * production topology, driven offline) on the declarations written by hand from public sources, on
 * a second hand-written set whose lots are raw plant readings graded by the sorter's default models
 * and, with {@code --simulated}, on a plant simulator run with planted anomalies (simulated clock: a
 * seed gives the same run), graded likewise, its labels passed through the evidence gate; exits 1
 * when a code misses the goal on any set.
 */
@Command(name = "evaluate-alerts", mixinStandardHelpOptions = true,
        description = "Precision and recall per alert code on the hand-written declarations, on hand-written plant readings"
                + " graded by the default models and, with --simulated, on a simulator run with planted anomalies (goal >= 0.97).")
final class EvaluateAlertsCommand implements Callable<Integer> {
    @Option(names = "--min-graded-share", paramLabel = "SHARE",
            description = "alerts.evidence.min.graded.share to evaluate with (default: the service's 0.8).")
    Double minGradedShare;

    @Option(names = "--readings", paramLabel = "FILE",
            description = "Declarations with the raw plant readings of their lots to grade and judge (default: the bundled set).")
    Path readings;

    @Option(names = "--simulated", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Also run the plant simulator with anomalies this long in simulated time (e.g. 60s; the same seed"
                    + " gives the same run) and score its declarations, the evidence gate applied to its labels.")
    Duration simulated;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated plant (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sites", defaultValue = "6", description = "Regular sites of the simulated plant (default ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--rate", defaultValue = "400", description = "Simulated readings per second over all sites (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--anomaly-rate", defaultValue = "0.5",
            description = "Share of simulated declarations with a planted code (default ${DEFAULT-VALUE}).")
    double anomalyRate;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() {
        Map<String, String> config = new HashMap<>();
        if (minGradedShare != null) {
            config.put("alerts.evidence.min.graded.share", Double.toString(minGradedShare));
        }
        Path workDir = ScratchState.create("scraptrace-evaluate-alerts");
        try {
            List<ScenarioSet> sets = new ArrayList<>(List.of(HandWrittenScenarios.load(), PlantReadingsScenarios.load(readings)));
            if (simulated != null) {
                sets.add(SimulatedScenarios.simulate(new SimulatedScenarios.Run(simulated, seed, sites, rate, anomalyRate), workDir));
            }
            boolean met = true;
            for (int i = 0; i < sets.size(); i++) {
                EvaluationReport report = new AlertEvaluation(config).evaluate(sets.get(i), workDir.resolve("state-" + i));
                out.println(report.format());
                if (!report.unmeasured().isEmpty()) {
                    out.println("  expected nowhere in this set (recall not measured, a raising where not expected counts as a false positive): "
                            + report.unmeasured());
                }
                List<String> below = report.below(AlertEvaluation.GOAL);
                out.println(below.isEmpty() ? String.format(Locale.ROOT, "  every code meets precision and recall >= %.2f", AlertEvaluation.GOAL)
                        : "  below the goal: " + below);
                met &= below.isEmpty();
            }
            return met ? 0 : 1;
        } finally {
            ScratchKafka.deleteTree(workDir);
        }
    }
}
