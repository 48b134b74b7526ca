package io.scraptrace.streams.alerts.rules;

import io.scraptrace.streams.alerts.model.Reason;
import java.util.Optional;

/** A rule judged by the origin site's ledger once a declaration's lots are graded or the wait ran out. */
public interface SiteRule {
    /** The reason this rule raises against the declaration, if any. */
    Optional<Reason> evaluate(SiteCheckInput input);
}
