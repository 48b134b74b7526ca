package io.scraptrace.streams.alerts.rules;

import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Measurement;
import java.util.Map;

/**
 * Everything the per-site rules judge a declaration on.
 *
 * @param declaration      the declaration (its lot list is in {@code lots})
 * @param exportedBeforeKg mass of the declared material the site had declared before this one
 * @param lots             its lots with the answers about them
 * @param massByGrade      measured mass by grade over the answered lots
 * @param measurement      what its graded lots measured together
 * @param gradedIntakeKg   the origin site's graded intake of the declared material
 * @param ungradedIntakeKg the origin site's intake in lots graded only UNCERTAIN, whose material
 *                         is unknown and so may be the declared one
 */
public record SiteCheckInput(Declaration declaration, double exportedBeforeKg, DeclaredLots lots, Map<String, Double> massByGrade,
                             Measurement measurement, double gradedIntakeKg,
                             double ungradedIntakeKg) {
}
