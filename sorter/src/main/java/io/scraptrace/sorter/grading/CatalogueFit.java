package io.scraptrace.sorter.grading;

import io.scraptrace.avro.Reading;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.grades.Range;
import io.scraptrace.specimens.SensorProfile;
import io.scraptrace.specimens.SensorRealism;
import java.util.TreeSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a reading could be a piece of each catalogue grade: every element the reporting sensor
 * can see, and thickness, density and magnetic fraction where reported, must fall within the
 * grade's published range once the measurement's own uncertainty is allowed for. A reading that
 * fits no grade (stainless, brass, cast iron, a corrupted assay) is not a catalogue grade, however
 * confident the network is.
 *
 * <p>Uncertainty allowed for an element reported at {@code m}: {@value #NOISE_SIGMAS} standard
 * deviations of the sensor's noise at {@code m}, plus {@value #BIAS_ALLOWANCE} of {@code m} for a
 * station's calibration bias; for a base metal above {@value #BALANCE_PCT} % (reported as the
 * balance) the same of {@code 100 - m}. An element not reported may be anything up to the sensor's detection
 * limit, or up to {@link SensorRealism#SHORT_LIST_MIN_PCT} for a station on a short element list;
 * an element reported as 0 anything up to the detection limit. An element a grade does not list
 * may be present up to {@value #UNLISTED_MAX_PCT} wt% (trace), no more.
 */
public final class CatalogueFit {
    static final double NOISE_SIGMAS = 4;
    static final double BIAS_ALLOWANCE = 0.10;
    static final double UNLISTED_MAX_PCT = 0.1;
    /** Above this share an element is the base metal, which alloy modes report as the balance. */
    static final double BALANCE_PCT = 50;
    /** What elements below their detection limits may add up to beside a balance reported as 100 %. */
    static final double UNREPORTED_REST_PCT = 0.1;
    /** Four of the gauges' ~3 % standard deviations, rounded up: plates are also cut and bent. */
    static final double THICKNESS_RELATIVE_ALLOWANCE = 0.10;
    static final double THICKNESS_ABSOLUTE_ALLOWANCE_MM = 0.1;
    /** Foreign material on a piece moves the magnetic share by a few hundredths. */
    static final double MAGNETIC_ALLOWANCE = 0.08;
    static final double DENSITY_RELATIVE_ALLOWANCE = 0.05;

    private static final Range UNLISTED = new Range(0, 0, UNLISTED_MAX_PCT);

    private final List<Grade> grades;
    private final Set<String> catalogueElements = new TreeSet<>();

    public CatalogueFit(GradeCatalogue catalogue) {
        this.grades = catalogue.grades();
        grades.forEach(g -> catalogueElements.addAll(g.composition().keySet()));
    }

    /**
     * The first criterion of {@code grade} the reading breaks, in words; null when it fits.
     */
    public String misfit(Grade grade, Reading reading) {
        SensorProfile profile = SensorProfile.of(reading.getSensor());
        Map<String, Double> composition = reading.getComposition();
        if (profile.composition()) {
            Set<String> elements = new TreeSet<>(catalogueElements);
            elements.addAll(composition.keySet());
            for (String element : elements) {
                if (!profile.sees(element)) {
                    continue;
                }
                String broken = elementMisfit(grade, element, composition.get(element), profile);
                if (broken != null) {
                    return broken;
                }
            }
        }
        return physicalMisfit(grade, reading);
    }

    /** For each grade in catalogue order, whether the reading fits it. */
    public boolean[] fits(Reading reading) {
        boolean[] fits = new boolean[grades.size()];
        for (int g = 0; g < fits.length; g++) {
            fits[g] = misfit(grades.get(g), reading) == null;
        }
        return fits;
    }

    private static String elementMisfit(Grade grade, String element, Double reported, SensorProfile profile) {
        Range range = grade.composition().getOrDefault(element, UNLISTED);
        double limit = profile.detectionLimit(element);
        double low;
        double high;
        if (reported == null) {
            low = 0;
            high = Math.max(limit, SensorRealism.SHORT_LIST_MIN_PCT);
        } else if (reported <= limit) {
            low = 0;
            high = limit;
        } else {
            // A base metal reported as the balance carries the others' errors: scale by what is not it.
            double share = reported > BALANCE_PCT ? Math.max(100 - reported, UNREPORTED_REST_PCT) : reported;
            double allowance = NOISE_SIGMAS * profile.sigma(element, share, 1) + BIAS_ALLOWANCE * share;
            low = reported - allowance;
            high = reported + allowance;
        }
        if (high < range.min()) {
            return String.format(Locale.ROOT, "%s %s below its %s minimum %s", element, shown(reported), grade.code(), fmt(range.min()));
        }
        if (low > range.max()) {
            return String.format(Locale.ROOT, "%s %s above its %s maximum %s", element, shown(reported), grade.code(), fmt(range.max()));
        }
        return null;
    }

    private static String physicalMisfit(Grade grade, Reading reading) {
        Double thickness = reading.getThicknessMm();
        if (thickness != null) {
            Range range = grade.thicknessMm();
            if (range == null) {
                return "thickness " + fmt(thickness) + " mm on " + grade.code() + ", a powder";
            }
            if (thickness < range.min() * (1 - THICKNESS_RELATIVE_ALLOWANCE) - THICKNESS_ABSOLUTE_ALLOWANCE_MM
                    || thickness > range.max() * (1 + THICKNESS_RELATIVE_ALLOWANCE) + THICKNESS_ABSOLUTE_ALLOWANCE_MM) {
                return "thickness " + fmt(thickness) + " mm outside " + grade.code() + " " + fmt(range.min()) + "-" + fmt(range.max()) + " mm";
            }
        }
        Double magnetic = reading.getMagneticFraction();
        if (magnetic != null && (magnetic < grade.magneticFraction().min() - MAGNETIC_ALLOWANCE
                || magnetic > grade.magneticFraction().max() + MAGNETIC_ALLOWANCE)) {
            return "magnetic fraction " + fmt(magnetic) + " outside " + grade.code() + " " + fmt(grade.magneticFraction().min())
                    + "-" + fmt(grade.magneticFraction().max());
        }
        Double density = reading.getDensityGcc();
        if (density != null && (density < grade.densityGcc().min() * (1 - DENSITY_RELATIVE_ALLOWANCE)
                || density > grade.densityGcc().max() * (1 + DENSITY_RELATIVE_ALLOWANCE))) {
            return "density " + fmt(density) + " g/cm3 outside " + grade.code() + " " + fmt(grade.densityGcc().min())
                    + "-" + fmt(grade.densityGcc().max());
        }
        return null;
    }

    private static String shown(Double reported) {
        return reported == null ? "not reported" : fmt(reported);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
