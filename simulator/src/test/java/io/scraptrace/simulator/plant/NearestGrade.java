package io.scraptrace.simulator.plant;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.grades.Range;
import java.util.HashSet;
import java.util.Set;

/**
 * A deliberately simple grader for tests, independent of the simulator's internals: the catalogue
 * grade nearest to a reading's JSON, distances scaled by each range's width. Elements the reading
 * does not report are skipped (XRF cannot see Li or C).
 */
final class NearestGrade {
    /** An element the grade does not list is a strong sign: analysers report only what is there. */
    private static final double ABSENT_ELEMENT_SCALE = 0.05;
    private static final double THICKNESS_ON_POWDER_PENALTY = 25;

    private final GradeCatalogue catalogue;

    NearestGrade(GradeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    Grade classify(JsonNode reading) {
        Grade best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Grade grade : catalogue.grades()) {
            double distance = distance(grade, reading);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = grade;
            }
        }
        return best;
    }

    private static double distance(Grade grade, JsonNode reading) {
        JsonNode composition = reading.path("composition");
        Set<String> elements = new HashSet<>();
        composition.fieldNames().forEachRemaining(elements::add);
        double sum = 0;
        for (String element : elements) {
            double measured = composition.get(element).asDouble();
            Range range = grade.composition().get(element);
            double scaled = range == null ? measured / ABSENT_ELEMENT_SCALE : zScore(measured, range);
            sum += scaled * scaled;
        }
        for (String element : grade.composition().keySet()) {
            // Only elements the analyser reported count: absent light elements are invisible to XRF.
            if (!elements.contains(element) && !Set.of("Li", "C").contains(element)) {
                double scaled = grade.composition().get(element).typical() / width(grade.composition().get(element));
                sum += scaled * scaled;
            }
        }
        if (reading.hasNonNull("thicknessMm")) {
            if (grade.thicknessMm() == null) {
                sum += THICKNESS_ON_POWDER_PENALTY;
            } else {
                double scaled = zScore(reading.get("thicknessMm").asDouble(), grade.thicknessMm());
                sum += scaled * scaled;
            }
        }
        return sum;
    }

    /** Distance from typical in units of that side's half-range: catalogue ranges are lopsided. */
    private static double zScore(double value, Range range) {
        double side = value < range.typical() ? range.typical() - range.min() : range.max() - range.typical();
        return (value - range.typical()) / Math.max(side, 0.005);
    }

    private static double width(Range range) {
        return Math.max(range.max() - range.min(), 0.01);
    }
}
