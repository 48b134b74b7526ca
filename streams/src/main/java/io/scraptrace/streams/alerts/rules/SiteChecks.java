package io.scraptrace.streams.alerts.rules;

import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.alerts.AlertSettings;
import io.scraptrace.streams.alerts.model.AnswerTally;
import io.scraptrace.streams.alerts.model.CheckKind;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Measurement;
import io.scraptrace.streams.alerts.model.Reason;
import io.scraptrace.streams.alerts.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules the origin site's ledger applies, combined into a LOTS verdict. */
public final class SiteChecks {
    private final GradeJudgement grades;
    private final List<SiteRule> rules;
    private final HazardousDestinationRule hazards;

    public SiteChecks(AlertSettings settings, GradeCatalogue catalogue) {
        this.grades = new GradeJudgement(catalogue, settings.minGradedShare());
        this.rules = List.of(new MassBalanceRule(settings.massTolerance()), new UnregisteredSiteRule(), new UntraceableLotsRule());
        this.hazards = new HazardousDestinationRule(catalogue);
    }

    /**
     * The LOTS verdict on a decided declaration; lots still unanswered count as never graded. The
     * verdict carries the declaration's lot list only when the destination check may name the lots.
     *
     * @param declaration      the declaration, with or without its lot list
     * @param exportedBeforeKg mass of the declared material the site had declared before it
     * @param tally            the answers about its lots, summed
     * @param lots             its lots and the answer about each
     * @param gradedIntakeKg   the origin site's graded intake of the declared material
     * @param ungradedIntakeKg the origin site's intake in lots graded only UNCERTAIN
     */
    public Verdict evaluate(Declaration declaration, double exportedBeforeKg, AnswerTally tally, DeclaredLots lots, double gradedIntakeKg,
                            double ungradedIntakeKg) {
        Map<String, Double> massByGrade = tally.massByGradeKg();
        Measurement measurement = LotMeasure.of(tally, massByGrade, declaration.massKg());
        SiteCheckInput input = new SiteCheckInput(declaration, exportedBeforeKg, lots, massByGrade, measurement, gradedIntakeKg, ungradedIntakeKg);
        List<Reason> reasons = new ArrayList<>(grades.evaluate(input));
        rules.stream().map(rule -> rule.evaluate(input)).flatMap(Optional::stream).forEach(reasons::add);
        Declaration carried = hazards.mayApply(declaration, measurement) ? declaration.withLots(lots.all()) : declaration.withoutLots();
        return new Verdict(CheckKind.LOTS, carried, measurement, reasons);
    }
}
