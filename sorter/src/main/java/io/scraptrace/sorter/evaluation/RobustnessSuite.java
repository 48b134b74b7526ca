package io.scraptrace.sorter.evaluation;

import io.scraptrace.avro.Sensor;
import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.sorter.training.SyntheticData;
import io.scraptrace.specimens.BelowLimit;
import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.specimens.SensorMix;
import io.scraptrace.specimens.SensorRealism;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How grading holds up when the readings shift away from the mix it was trained on: one data set
 * per shift (trace elements, detection limits, below-LOD conventions, calibration bias, sensor
 * swap, missing fields), clean pieces of every grade measured by composition analysers, graded
 * through the service's path (sensor model and catalogue criteria, no camera).
 */
public final class RobustnessSuite {
    private RobustnessSuite() {
    }

    /**
     * One shift of the suite.
     *
     * @param name    what is shifted
     * @param mix     which sensors measure the pieces
     * @param realism how the stations behave
     */
    public record Shift(String name, SensorMix mix, SensorRealism realism) {
    }

    /**
     * One line of the suite's report.
     *
     * @param shift  the shift
     * @param result its grading evaluation
     */
    public record Line(Shift shift, GradingEvaluation.Result result) {
    }

    /** The shifts, the unshifted reference first. */
    public static List<Shift> shifts() {
        SensorRealism base = SensorRealism.REALISTIC;
        return List.of(
                new Shift("unshifted (realistic station mix)", SensorMix.ANALYSERS, base),
                new Shift("trace elements on (full element lists)", SensorMix.ANALYSERS, base.withFullElementList(true)),
                new Shift("trace elements off (short element lists)", SensorMix.ANALYSERS, base.withFullElementList(false)),
                new Shift("detection limits x3", SensorMix.ANALYSERS, base.withLodScale(3)),
                new Shift("below LOD reported as 0", SensorMix.ANALYSERS, base.withBelowLimit(BelowLimit.ZERO)),
                new Shift("below LOD reported as the LOD", SensorMix.ANALYSERS, base.withBelowLimit(BelowLimit.AT_LIMIT)),
                new Shift("below LOD omitted", SensorMix.ANALYSERS, base.withBelowLimit(BelowLimit.OMITTED)),
                new Shift("calibration bias x2 (6 % relative)", SensorMix.ANALYSERS, base.withBiasSigma(0.06)),
                new Shift("sensor swap: XRF only", SensorMix.only(Sensor.XRF), base),
                new Shift("sensor swap: LIBS only", SensorMix.only(Sensor.LIBS), base),
                new Shift("sensor swap: assay only", SensorMix.only(Sensor.ASSAY), base),
                new Shift("missing optional fields (50 %)", SensorMix.ANALYSERS, base.withMissingFieldRate(0.5)));
    }

    /** Run every shift on {@code pieces} pieces generated from {@code seed}. */
    public static List<Line> run(ModelSet models, int pieces, long seed) {
        List<Line> lines = new ArrayList<>();
        for (Shift shift : shifts()) {
            SyntheticData data = SyntheticData.generate(pieces, seed, shift.mix(), shift.name(), CorruptionRates.NONE, shift.realism());
            var truth = data.truth();
            lines.add(new Line(shift, GradingEvaluation.evaluate(models, truth.readings(), truth.labels(), null)));
        }
        return lines;
    }

    /** The suite as a table: accuracy, macro-F1, ECE, UNCERTAIN share and distance from the unshifted accuracy. */
    public static String render(List<Line> lines) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-42s %8s %8s %7s %10s %8s%n", "shift", "accuracy", "macro-F1", "ECE", "UNCERTAIN", "delta"));
        double reference = lines.get(0).result().evaluation().accuracy();
        for (Line line : lines) {
            Evaluation e = line.result().evaluation();
            out.append(String.format(Locale.ROOT, "%-42s %8.4f %8.4f %7.4f %9.1f%% %+8.4f%n", line.shift().name(), e.accuracy(),
                    e.macroF1(), e.ece(), 100 * line.result().uncertainShare(), e.accuracy() - reference));
        }
        return out.toString();
    }
}
