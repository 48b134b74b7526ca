package io.scraptrace.streams.alerts.rules;

import io.scraptrace.streams.alerts.model.DeclarationCase;
import io.scraptrace.streams.alerts.model.Measurement;

/**
 * Everything the per-site rules judge a declaration on.
 *
 * @param declarationCase the declaration with the answers about its lots
 * @param measurement     what its graded lots measured together
 * @param gradedIntakeKg  the origin site's graded intake of the declared material
 */
public record SiteCheckInput(DeclarationCase declarationCase, Measurement measurement, double gradedIntakeKg) {
}
