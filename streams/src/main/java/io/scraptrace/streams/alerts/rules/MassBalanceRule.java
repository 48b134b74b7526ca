package io.scraptrace.streams.alerts.rules;

import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MASS_BALANCE_EXCEEDED: the declared mass is above what the origin site has graded of the declared
 * material minus what it declared for export before, beyond a tolerance for weighing differences.
 */
public final class MassBalanceRule implements SiteRule {
    private final double tolerance;

    public MassBalanceRule(double tolerance) {
        this.tolerance = tolerance;
    }

    @Override
    public Optional<Reason> evaluate(SiteCheckInput input) {
        Declaration d = input.declaration();
        double exportedBefore = input.exportedBeforeKg();
        double available = input.gradedIntakeKg() - exportedBefore;
        if (d.massKg() <= available * tolerance) {
            return Optional.empty();
        }
        String detail = String.format("declared %.0f kg of %s but site %s has %.0f kg graded and not yet declared "
                        + "(intake %.0f kg - already declared %.0f kg, tolerance x%.2f)",
                d.massKg(), d.declaredMaterial(), d.siteId(), available, input.gradedIntakeKg(), exportedBefore, tolerance);
        return Optional.of(Reason.of(AlertCode.MASS_BALANCE_EXCEEDED, detail, List.of(d.siteId()), Map.of(
                "declaredMassKg", d.massKg(),
                "gradedIntakeKg", input.gradedIntakeKg(),
                "alreadyExportedKg", exportedBefore,
                "availableKg", available,
                "tolerance", tolerance)));
    }
}
