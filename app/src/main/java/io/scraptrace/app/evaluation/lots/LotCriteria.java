package io.scraptrace.app.evaluation.lots;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.Range;
import io.scraptrace.sorter.grading.CatalogueFit;
import io.scraptrace.specimens.LabelledPiece;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalogue's criteria applied to a lot as a whole. The catalogue's composition ranges are
 * what an analysis of the material shows, and its tramp limits (JIS G 2401 B Cu <= 0.20 %, EU-27
 * E3 Sn <= 0.010 %, the 2 % Cu/Al caps of black-mass payable specifications) are limits on what a
 * melt or a refinery receives: the whole lot, foreign pieces included. So a lot is of a grade when
 * its mass-weighted composition meets every range of the grade, and an element the grade does not
 * list stays at trace level ({@link CatalogueFit#UNLISTED_MAX_PCT}), as the catalogue's notes say
 * of conforming material. Thickness, density and magnetic share are properties of pieces, which
 * the sorter holds each reading to; they are not averaged over a lot.
 */
final class LotCriteria {
    private LotCriteria() {
    }

    /** The mass-weighted true composition of {@code pieces}, each weighted by its reading's mass. */
    static Map<String, Double> bulk(List<LabelledPiece> pieces) {
        Map<String, Double> sums = new TreeMap<>();
        double mass = 0;
        for (LabelledPiece piece : pieces) {
            double kg = piece.reading().getMassKg();
            mass += kg;
            piece.truth().composition().forEach((element, pct) -> sums.merge(element, pct * kg, Double::sum));
        }
        double total = mass;
        sums.replaceAll((element, weighted) -> total <= 0 ? 0 : weighted / total);
        return sums;
    }

    /** Whether {@code bulk} meets every composition range of {@code grade}. */
    static boolean meets(Grade grade, Map<String, Double> bulk) {
        return breach(grade, bulk) == null;
    }

    /** The first range of {@code grade} that {@code bulk} breaks, in words; null when it meets them all. */
    static String breach(Grade grade, Map<String, Double> bulk) {
        for (Map.Entry<String, Range> entry : grade.composition().entrySet()) {
            double pct = bulk.getOrDefault(entry.getKey(), 0.0);
            Range range = entry.getValue();
            if (pct < range.min() || pct > range.max()) {
                return String.format(Locale.ROOT, "%s %.3f outside %s %s-%s", entry.getKey(), pct, grade.code(), range.min(), range.max());
            }
        }
        return bulk.entrySet().stream()
                .filter(e -> !grade.composition().containsKey(e.getKey()) && e.getValue() > CatalogueFit.UNLISTED_MAX_PCT)
                .map(e -> String.format(Locale.ROOT, "%s %.3f, which %s does not list, above trace %s", e.getKey(), e.getValue(),
                        grade.code(), CatalogueFit.UNLISTED_MAX_PCT))
                .findFirst().orElse(null);
    }
}
