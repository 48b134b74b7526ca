package io.scraptrace.app;

import io.scraptrace.app.evaluation.ScratchState;
import io.scraptrace.avro.Sensor;
import io.scraptrace.app.evaluation.lots.LotGradeEvaluation;
import io.scraptrace.app.evaluation.lots.LotReport;
import io.scraptrace.broker.ScratchKafka;
import io.scraptrace.sorter.model.ModelRepository;
import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.sorter.training.SyntheticData;
import io.scraptrace.specimens.SensorMix;
import io.scraptrace.streams.query.LotViews;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scraptrace evaluate-lots}: lot-level grade accuracy, inspection share and confidence
 * calibration of lots generated from the held-out seed, graded by the sorter's production grader
 * and folded by the streams application's production lot fold; exits 1 when the lots as filled
 * miss the 0.98 accuracy goal.
 */
@Command(name = "evaluate-lots", mixinStandardHelpOptions = true,
        description = "Lot-level grade accuracy (goal >= 0.98), inspection share and confidence calibration of generated lots,"
                + " graded by the sorter and folded by the production lot fold.")
final class EvaluateLotsCommand implements Callable<Integer> {
    @Option(names = "--lots", defaultValue = "160", description = "Lots per set (default ${DEFAULT-VALUE}: 10 of each grade).")
    int lots;

    @Option(names = "--seed", defaultValue = "4242", description = "Seed of the pieces (default ${DEFAULT-VALUE}; training uses 42).")
    long seed;

    @Option(names = "--stations", defaultValue = "all", paramLabel = "all|analysers",
            description = "Stations of the lines: every belt station type of the default mix (XRF, LIBS, assay, XRT, magnetic, NIR),"
                    + " or composition analysers only (default ${DEFAULT-VALUE}).")
    String stations;

    @Option(names = "--foreign-share", defaultValue = "0.03",
            description = "Share of foreign pieces (another material) in each lot of the contaminated set; 0 skips it (default ${DEFAULT-VALUE}).")
    double foreignShare;

    @Option(names = "--inspection-share", paramLabel = "SHARE",
            description = LotViews.INSPECTION_SHARE + " to fold with (default: the service's " + LotViews.DEFAULT_INSPECTION_SHARE + ").")
    Double inspectionShare;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory or models root (default: the model shipped in the jar).")
    Path model;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws IOException {
        if (!stations.equals("all") && !stations.equals("analysers")) {
            throw new IllegalArgumentException("--stations must be 'all' or 'analysers', not " + stations);
        }
        Map<String, String> config = new HashMap<>();
        if (inspectionShare != null) {
            config.put(LotViews.INSPECTION_SHARE, Double.toString(inspectionShare));
        }
        LotGradeEvaluation.Settings settings = new LotGradeEvaluation.Settings(lots, seed,
                // A weighbridge weighs a whole load, not a piece on a belt: no line reads a lot's pieces with it.
                (stations.equals("all") ? SensorMix.ALL_STATIONS : SensorMix.ANALYSERS).without(Sensor.WEIGHBRIDGE),
                stations.equals("all") ? "the default mix's belt" : "analyser",
                SyntheticData.DEFAULT_CONTAMINATED, foreignShare, config);
        Path workDir = ScratchState.create("scraptrace-evaluate-lots");
        try (ModelSet models = ModelRepository.loadOrDefault(model)) {
            List<LotReport> reports = LotGradeEvaluation.run(models, settings, workDir);
            reports.forEach(report -> out.print(report.format()));
            return reports.stream().allMatch(LotReport::meetsGoal) ? 0 : 1;
        } finally {
            ScratchKafka.deleteTree(workDir);
        }
    }
}
