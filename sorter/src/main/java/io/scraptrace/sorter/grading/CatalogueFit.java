package io.scraptrace.sorter.grading;

import io.scraptrace.avro.Reading;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.grades.Range;
import io.scraptrace.specimens.SensorProfile;
import io.scraptrace.specimens.InstrumentFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a reading could be a piece of each catalogue grade: every element the reporting sensor
 * can see, and thickness, density and magnetic fraction where reported, must fall within the
 * grade's published range once the measurement's own uncertainty is allowed for. A reading that
 * fits no grade (stainless, brass, cast iron, a corrupted assay) is not a catalogue grade, however
 * confident the network is.
 *
 * <p>The allowances are the instruments' own figures ({@link SensorProfile}'s detection limits and
 * precision, {@link InstrumentFacts}), the same the specimens generator measures with. Uncertainty
 * allowed for an element reported at {@code m}: {@value #NOISE_SIGMAS} standard deviations of the
 * sensor's noise at {@code m}, plus {@link InstrumentFacts#CALIBRATION_TOLERANCE} of {@code m} for a
 * station's calibration; for a base metal above {@value #BALANCE_PCT} % (reported as the balance) the
 * same of {@code 100 - m}. A thickness may be off by {@value #NOISE_SIGMAS} of the gauges' standard
 * deviations. An element not reported may be anything up to the sensor's detection limit, or up to
 * {@link InstrumentFacts#SHORT_LIST_FLOOR_PCT} for a station on a short element list;
 * an element reported as 0 anything up to the detection limit. An element a grade does not list
 * may be present up to {@value #UNLISTED_MAX_PCT} wt% (trace), no more.
 */
public final class CatalogueFit {
    /** Standard deviations of an instrument's noise a reading may be off by: 4 leaves 1 in 16,000 out. */
    static final double NOISE_SIGMAS = 4;
    /** Most wt% of an element a grade does not list that a piece of it may carry: trace level. */
    public static final double UNLISTED_MAX_PCT = 0.1;
    /** Above this share an element is the base metal, which alloy modes report as the balance. */
    static final double BALANCE_PCT = 50;
    /** What elements below their detection limits may add up to beside a balance reported as 100 %. */
    static final double UNREPORTED_REST_PCT = 0.1;
    static final double THICKNESS_RELATIVE_ALLOWANCE = NOISE_SIGMAS * InstrumentFacts.THICKNESS_RELATIVE_SIGMA;
    static final double THICKNESS_ABSOLUTE_ALLOWANCE_MM = 0.1;
    /** Foreign material on a piece moves the magnetic share by a few hundredths. */
    static final double MAGNETIC_ALLOWANCE = 0.08;
    static final double DENSITY_RELATIVE_ALLOWANCE = 0.05;

    private static final Range UNLISTED = new Range(0, 0, UNLISTED_MAX_PCT);

    private final List<Grade> grades;
    /** Elements any grade lists, by symbol so the first broken criterion named is stable. */
    private final List<String> catalogueElements;
    /** min[grade][element] and max[grade][element] over {@link #catalogueElements}, for the fast path. */
    private final double[][] min;
    private final double[][] max;

    public CatalogueFit(GradeCatalogue catalogue) {
        this.grades = catalogue.grades();
        Set<String> elements = new TreeSet<>();
        grades.forEach(g -> elements.addAll(g.composition().keySet()));
        this.catalogueElements = List.copyOf(elements);
        this.min = new double[grades.size()][catalogueElements.size()];
        this.max = new double[grades.size()][catalogueElements.size()];
        for (int g = 0; g < grades.size(); g++) {
            for (int e = 0; e < catalogueElements.size(); e++) {
                Range range = grades.get(g).composition().getOrDefault(catalogueElements.get(e), UNLISTED);
                min[g][e] = range.min();
                max[g][e] = range.max();
            }
        }
    }

    /** The first criterion of {@code grade} the reading breaks, in words; null when it fits. */
    public String misfit(Grade grade, Reading reading) {
        int g = grades.indexOf(grade);
        if (g < 0) {
            throw new IllegalArgumentException(grade.code() + " is not a grade of this catalogue");
        }
        return measure(reading).misfit(g, reading);
    }

    /**
     * For each grade in catalogue order, whether the reading fits it: the same judgement as
     * {@link #misfit}, with each element's measured interval worked out once and nothing worded.
     */
    public boolean[] fits(Reading reading) {
        Measured measured = measure(reading);
        boolean[] fits = new boolean[grades.size()];
        for (int g = 0; g < fits.length; g++) {
            fits[g] = measured.brokenElement(g) == FITS && physicalBreak(grades.get(g), reading) == Physical.FITS;
        }
        return fits;
    }

    /** {@link Measured#brokenElement}: no element breaks the grade. */
    private static final int FITS = -1;
    /** {@link Measured#brokenElement}: an element no grade lists is above trace. */
    private static final int FOREIGN = -2;

    /**
     * What a reading says each catalogue element may truly be ({@code low}-{@code high}, for the
     * elements the sensor sees), and the elements no grade lists that it shows above trace.
     */
    private final class Measured {
        final double[] low = new double[catalogueElements.size()];
        final double[] high = new double[catalogueElements.size()];
        final boolean[] seen = new boolean[catalogueElements.size()];
        final Double[] reported = new Double[catalogueElements.size()];
        /** Elements no grade lists, above trace: element -> reported wt%, in the reading's order. */
        final Map<String, Double> foreign = new LinkedHashMap<>();

        /** Index of the first catalogue element breaking grade {@code g}, {@link #FOREIGN}, or {@link #FITS}. */
        int brokenElement(int g) {
            for (int e = 0; e < seen.length; e++) {
                if (seen[e] && (high[e] < min[g][e] || low[e] > max[g][e])) {
                    return e;
                }
            }
            return foreign.isEmpty() ? FITS : FOREIGN;
        }

        /** The first criterion of grade {@code g} the reading breaks, in words; null when it fits. */
        String misfit(int g, Reading reading) {
            Grade grade = grades.get(g);
            int e = brokenElement(g);
            if (e >= 0) {
                String element = catalogueElements.get(e);
                return high[e] < min[g][e]
                        ? String.format(Locale.ROOT, "%s %s below its %s minimum %s", element, shown(reported[e]), grade.code(), fmt(min[g][e]))
                        : String.format(Locale.ROOT, "%s %s above its %s maximum %s", element, shown(reported[e]), grade.code(), fmt(max[g][e]));
            }
            if (e == FOREIGN) {
                Map.Entry<String, Double> first = foreign.entrySet().iterator().next();
                return String.format(Locale.ROOT, "%s %s above its %s maximum %s", first.getKey(), shown(first.getValue()), grade.code(),
                        fmt(UNLISTED_MAX_PCT));
            }
            return physicalMisfit(grade, reading);
        }
    }

    private Measured measure(Reading reading) {
        Measured measured = new Measured();
        SensorProfile profile = SensorProfile.of(reading.getSensor());
        if (!profile.composition()) {
            return measured;
        }
        Map<String, Double> composition = reading.getComposition();
        for (int e = 0; e < catalogueElements.size(); e++) {
            String element = catalogueElements.get(e);
            measured.seen[e] = profile.sees(element);
            if (measured.seen[e]) {
                measured.reported[e] = composition.get(element);
                double[] interval = interval(element, measured.reported[e], profile);
                measured.low[e] = interval[0];
                measured.high[e] = interval[1];
            }
        }
        for (Map.Entry<String, Double> entry : composition.entrySet()) {
            if (!catalogueElements.contains(entry.getKey()) && profile.sees(entry.getKey())
                    && interval(entry.getKey(), entry.getValue(), profile)[0] > UNLISTED_MAX_PCT) {
                measured.foreign.put(entry.getKey(), entry.getValue());
            }
        }
        return measured;
    }

    /** What the true share may be, low and high, given what the sensor reported (null: not reported). */
    private static double[] interval(String element, Double reported, SensorProfile profile) {
        double limit = profile.detectionLimit(element);
        if (reported == null) {
            return new double[] {0, Math.max(limit, InstrumentFacts.SHORT_LIST_FLOOR_PCT)};
        }
        if (reported <= limit) {
            return new double[] {0, limit};
        }
        // A base metal reported as the balance carries the others' errors: scale by what is not it.
        double share = reported > BALANCE_PCT ? Math.max(100 - reported, UNREPORTED_REST_PCT) : reported;
        double allowance = NOISE_SIGMAS * profile.sigma(element, share, 1) + InstrumentFacts.CALIBRATION_TOLERANCE * share;
        return new double[] {reported - allowance, reported + allowance};
    }

    /** Which physical criterion the reading breaks, without wording it: the fast path's check. */
    private enum Physical { FITS, THICKNESS_ON_POWDER, THICKNESS, MAGNETIC, DENSITY }

    private static Physical physicalBreak(Grade grade, Reading reading) {
        Double thickness = reading.getThicknessMm();
        if (thickness != null) {
            Range range = grade.thicknessMm();
            if (range == null) {
                return Physical.THICKNESS_ON_POWDER;
            }
            if (thickness < range.min() * (1 - THICKNESS_RELATIVE_ALLOWANCE) - THICKNESS_ABSOLUTE_ALLOWANCE_MM
                    || thickness > range.max() * (1 + THICKNESS_RELATIVE_ALLOWANCE) + THICKNESS_ABSOLUTE_ALLOWANCE_MM) {
                return Physical.THICKNESS;
            }
        }
        Double magnetic = reading.getMagneticFraction();
        if (magnetic != null && (magnetic < grade.magneticFraction().min() - MAGNETIC_ALLOWANCE
                || magnetic > grade.magneticFraction().max() + MAGNETIC_ALLOWANCE)) {
            return Physical.MAGNETIC;
        }
        Double density = reading.getDensityGcc();
        if (density != null && (density < grade.densityGcc().min() * (1 - DENSITY_RELATIVE_ALLOWANCE)
                || density > grade.densityGcc().max() * (1 + DENSITY_RELATIVE_ALLOWANCE))) {
            return Physical.DENSITY;
        }
        return Physical.FITS;
    }

    private static String physicalMisfit(Grade grade, Reading reading) {
        return switch (physicalBreak(grade, reading)) {
            case FITS -> null;
            case THICKNESS_ON_POWDER -> "thickness " + fmt(reading.getThicknessMm()) + " mm on " + grade.code() + ", a powder";
            case THICKNESS -> "thickness " + fmt(reading.getThicknessMm()) + " mm outside " + grade.code() + " "
                    + fmt(grade.thicknessMm().min()) + "-" + fmt(grade.thicknessMm().max()) + " mm";
            case MAGNETIC -> "magnetic fraction " + fmt(reading.getMagneticFraction()) + " outside " + grade.code() + " "
                    + fmt(grade.magneticFraction().min()) + "-" + fmt(grade.magneticFraction().max());
            case DENSITY -> "density " + fmt(reading.getDensityGcc()) + " g/cm3 outside " + grade.code() + " "
                    + fmt(grade.densityGcc().min()) + "-" + fmt(grade.densityGcc().max());
        };
    }

    private static String shown(Double reported) {
        return reported == null ? "not reported" : fmt(reported);
    }

    private static String fmt(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
