package io.scraptrace.streams.alerts.rules;

import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.LotAnswer;
import io.scraptrace.streams.alerts.model.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * UNTRACEABLE_LOTS: a declared lot was never graded (judged only once the wait for grading ran
 * out), was graded at another site than the declared origin, or was claimed first by another
 * declaration. A declaration listing no lot at all is untraceable too.
 */
public final class UntraceableLotsRule implements SiteRule {
    @Override
    public Optional<Reason> evaluate(SiteCheckInput input) {
        Declaration d = input.declaration();
        DeclaredLots lots = input.lots();
        if (lots.count() == 0) {
            return Optional.of(Reason.of(AlertCode.UNTRACEABLE_LOTS, "declaration lists no lots", List.of(), Map.of("lotsDeclared", 0.0)));
        }
        if (lots.allTraceable()) {
            // The counters say every lot is in order: no need to read them one by one.
            return Optional.empty();
        }
        Map<String, String> why = new LinkedHashMap<>();
        int neverGraded = 0;
        int otherSite = 0;
        int claimed = 0;
        for (String lot : lots.distinct()) {
            LotAnswer answer = lots.answer(lot);
            if (answer == null) {
                why.put(lot, "never graded");
                neverGraded++;
            } else if (!answer.facts().siteId().equals(d.siteId())) {
                why.put(lot, "graded at site " + answer.facts().siteId() + ", not the declared origin " + d.siteId());
                otherSite++;
            } else if (!answer.claimedBy().equals(d.declarationId())) {
                why.put(lot, "already claimed by declaration " + answer.claimedBy());
                claimed++;
            }
        }
        if (why.isEmpty()) {
            return Optional.empty();
        }
        List<String> detail = new ArrayList<>();
        why.forEach((lot, reason) -> detail.add(lot + ": " + reason));
        return Optional.of(Reason.of(AlertCode.UNTRACEABLE_LOTS, String.join("; ", detail), List.copyOf(why.keySet()), Map.of(
                "lotsDeclared", (double) lots.count(),
                "lotsNeverGraded", (double) neverGraded,
                "lotsFromOtherSite", (double) otherSite,
                "lotsAlreadyClaimed", (double) claimed)));
    }
}
