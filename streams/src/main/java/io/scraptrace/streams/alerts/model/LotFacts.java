package io.scraptrace.streams.alerts.model;

import io.scraptrace.streams.lots.LotState;
import java.util.Map;
import java.util.Set;

/**
 * What grading measured of one lot, as the site ledger needs it: its site, the mass of its
 * deduplicated readings by grade, and how sure the grading was.
 *
 * @param siteId        site of the lot's first reading; a lot belongs to the site that graded it
 * @param massByGrade   grade code (or UNCERTAIN) -> kg
 * @param readings      number of distinct readings
 * @param confidenceSum sum of the readings' confidences
 * @param modelVersions model versions that graded the readings
 */
public record LotFacts(String siteId, Map<String, Double> massByGrade, long readings, double confidenceSum,
                       Set<String> modelVersions) {
    public LotFacts {
        massByGrade = Map.copyOf(massByGrade);
        // State written before the versions were kept has none.
        modelVersions = modelVersions == null ? Set.of() : Set.copyOf(modelVersions);
    }

    /** The facts of {@code lot}. */
    public static LotFacts of(LotState lot) {
        return new LotFacts(lot.siteId(), lot.massKgByGrade(), lot.readings(), lot.confidenceSum(), lot.modelVersions());
    }
}
