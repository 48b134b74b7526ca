package io.scraptrace.streams.alerts.rules;

import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.alerts.AlertSettings;
import io.scraptrace.streams.alerts.model.CheckKind;
import io.scraptrace.streams.alerts.model.DeclarationCase;
import io.scraptrace.streams.alerts.model.Measurement;
import io.scraptrace.streams.alerts.model.Reason;
import io.scraptrace.streams.alerts.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules the origin site's ledger applies, combined into a LOTS verdict. */
public final class SiteChecks {
    private final GradeJudgement grades;
    private final List<SiteRule> rules;

    public SiteChecks(AlertSettings settings, GradeCatalogue catalogue) {
        this.grades = new GradeJudgement(catalogue, settings.minGradedShare());
        this.rules = List.of(new MassBalanceRule(settings.massTolerance()), new UnregisteredSiteRule(), new UntraceableLotsRule());
    }

    /** The LOTS verdict on a decided case; lots still unanswered count as never graded. */
    public Verdict evaluate(DeclarationCase declarationCase, double gradedIntakeKg) {
        Measurement measurement = LotMeasure.of(declarationCase.answers().values(), declarationCase.declaration().massKg());
        SiteCheckInput input = new SiteCheckInput(declarationCase, measurement, gradedIntakeKg);
        List<Reason> reasons = new ArrayList<>(grades.evaluate(input));
        rules.stream().map(rule -> rule.evaluate(input)).flatMap(Optional::stream).forEach(reasons::add);
        return new Verdict(CheckKind.LOTS, declarationCase.declaration(), measurement, reasons);
    }
}
