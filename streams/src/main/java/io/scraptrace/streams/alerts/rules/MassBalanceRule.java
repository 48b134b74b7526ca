package io.scraptrace.streams.alerts.rules;

import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Reason;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MASS_BALANCE_EXCEEDED: the declared mass is above what the origin site has graded of the declared
 * material minus what it declared for export before, beyond a tolerance for weighing differences.
 * Lots graded only UNCERTAIN are stock of unknown material: when they could cover the shortfall,
 * the balance is not evidence of anything and the reason is INSUFFICIENT_EVIDENCE (inspect), never
 * an accusation against the site.
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
        Map<String, Double> figures = Map.of(
                "declaredMassKg", d.massKg(),
                "gradedIntakeKg", input.gradedIntakeKg(),
                "ungradedIntakeKg", input.ungradedIntakeKg(),
                "alreadyExportedKg", exportedBefore,
                "availableKg", available,
                "tolerance", tolerance);
        String balance = String.format(Locale.ROOT, "declared %.0f kg of %s but site %s has %.0f kg graded and not yet declared "
                        + "(intake %.0f kg - already declared %.0f kg, tolerance x%.2f)",
                d.massKg(), d.declaredMaterial(), d.siteId(), available, input.gradedIntakeKg(), exportedBefore, tolerance);
        if (d.massKg() <= (available + input.ungradedIntakeKg()) * tolerance) {
            String detail = String.format(Locale.ROOT, "%s; its lots graded only UNCERTAIN hold %.0f kg of unknown material "
                    + "that may be %s, so the balance cannot be judged: inspect", balance, input.ungradedIntakeKg(), d.declaredMaterial());
            return Optional.of(Reason.of(AlertCode.INSUFFICIENT_EVIDENCE, detail, List.of(d.siteId()), figures));
        }
        return Optional.of(Reason.of(AlertCode.MASS_BALANCE_EXCEEDED, balance, List.of(d.siteId()), figures));
    }
}
