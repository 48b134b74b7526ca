package io.scraptrace.app.evaluation.lots;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.query.LotJson;

/**
 * What the production lot fold made of a generated lot.
 *
 * @param lot                the lot
 * @param dominantGrade      its dominant grade as the fold reports it
 * @param confidence         the lot's confidence as the fold reports it
 * @param status             GRADED or NEEDS_INSPECTION once the lot went quiet
 * @param uncertainMassShare its UNCERTAIN mass share
 */
record LotOutcome(SampleLot lot, String dominantGrade, double confidence, String status, double uncertainMassShare) {

    /** Whether the lot was marked for inspection. */
    boolean inspected() {
        return LotJson.NEEDS_INSPECTION.equals(status);
    }

    /** Whether the fold's grade is the grade the lot was filled as. */
    boolean nominalGraded() {
        return dominantGrade.equals(lot.nominalGrade());
    }

    /**
     * Whether the fold's answer is what the catalogue's criteria ask for: the nominal grade for a
     * lot whose bulk meets it; for one whose bulk does not (foreign material past a tramp limit),
     * either an inspection or another grade whose ranges its bulk meets.
     */
    boolean right() {
        if (lot.meetsNominal()) {
            return nominalGraded();
        }
        if (inspected()) {
            return true;
        }
        return !nominalGraded() && !Grade.UNCERTAIN.equals(dominantGrade)
                && GradeCatalogue.get().find(dominantGrade).map(g -> LotCriteria.meets(g, lot.bulk())).orElse(false);
    }
}
