package io.scraptrace.streams.alerts.model;

import io.scraptrace.streams.lots.LotState;
import java.util.Map;

/**
 * What grading measured of one lot, as the site ledger needs it: its site and the mass of its
 * deduplicated readings by grade.
 *
 * @param siteId      site of the lot's first reading; a lot belongs to the site that graded it
 * @param massByGrade grade code (or UNCERTAIN) -> kg
 * @param readings    number of distinct readings
 */
public record LotFacts(String siteId, Map<String, Double> massByGrade, long readings) {
    public LotFacts {
        massByGrade = Map.copyOf(massByGrade);
    }

    /** The facts of {@code lot}. */
    public static LotFacts of(LotState lot) {
        return new LotFacts(lot.siteId(), lot.massKgByGrade(), lot.readings());
    }
}
