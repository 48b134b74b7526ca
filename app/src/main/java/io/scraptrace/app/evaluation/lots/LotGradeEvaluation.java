package io.scraptrace.app.evaluation.lots;

import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.specimens.SensorMix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lot-level grade evaluation: lots generated from the held-out seed, graded by the sorter's
 * production grader and folded by the production lot fold, first as filled (one grade each, the
 * generator's piece-level contamination), then with a share of foreign pieces of another material
 * in every lot, each sensor-only and, with a camera model, fused with a frame of every piece.
 */
public final class LotGradeEvaluation {
    private LotGradeEvaluation() {
    }

    /**
     * What to evaluate.
     *
     * @param lots         lots per set
     * @param seed         seed of the pieces (held out: not the training seed)
     * @param mix          the stations reading each material
     * @param mixName      names {@code mix} in the titles
     * @param contaminated share of pieces carrying foreign material on them
     * @param foreignShare share of foreign pieces in the contaminated set's lots; 0 skips that set
     * @param config       streams configuration (e.g. the inspection share)
     */
    public record Settings(int lots, long seed, SensorMix mix, String mixName, double contaminated, double foreignShare,
                           Map<String, String> config) {
        public Settings {
            if (lots < 1 || foreignShare < 0 || foreignShare >= 1 || contaminated < 0 || contaminated > 1) {
                throw new IllegalArgumentException("lots >= 1, foreign share in [0, 1), contamination in [0, 1]");
            }
            config = Map.copyOf(config);
        }
    }

    /** The reports, in the order the class comment gives; {@code workDir} holds the folds' state. */
    public static List<LotReport> run(ModelSet models, Settings settings, Path workDir) {
        LotEvaluation evaluation = new LotEvaluation(models, settings.config());
        List<LotReport> reports = new ArrayList<>();
        List<SampleLot> clean = new SampleLots(settings.seed(), settings.mix(), settings.contaminated(), "EVAL")
                .generate(settings.lots(), 0);
        String cleanTitle = String.format(Locale.ROOT, "%d lots as filled (%s stations, seed %d, %.0f%% of pieces contaminated)",
                settings.lots(), settings.mixName(), settings.seed(), 100 * settings.contaminated());
        reports.addAll(bothModes(evaluation, models, clean, cleanTitle, true, settings.seed(), workDir.resolve("clean")));
        if (settings.foreignShare() > 0) {
            List<SampleLot> mixed = new SampleLots(settings.seed() + 1, settings.mix(), settings.contaminated(), "MIXED")
                    .generate(settings.lots(), settings.foreignShare());
            String title = String.format(Locale.ROOT, "%d lots with %.0f%% foreign pieces of another metal (%s stations, seed %d)",
                    settings.lots(), 100 * settings.foreignShare(), settings.mixName(), settings.seed() + 1);
            reports.addAll(bothModes(evaluation, models, mixed, title, false, settings.seed() + 1, workDir.resolve("mixed")));
        }
        return reports;
    }

    private static List<LotReport> bothModes(LotEvaluation evaluation, ModelSet models, List<SampleLot> lots, String title,
                                             boolean heldToGoal, long frameSeed, Path dir) {
        List<LotReport> reports = new ArrayList<>();
        reports.add(new LotReport(title + ", sensor-only", heldToGoal, evaluation.evaluate(lots, false, frameSeed, dir.resolve("sensor"))));
        if (models.camera() != null) {
            reports.add(new LotReport(title + ", fused with a frame of every piece", heldToGoal,
                    evaluation.evaluate(lots, true, frameSeed, dir.resolve("fused"))));
        }
        return reports;
    }
}
