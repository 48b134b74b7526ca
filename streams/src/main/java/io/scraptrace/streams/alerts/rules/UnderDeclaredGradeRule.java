package io.scraptrace.streams.alerts.rules;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * UNDER_DECLARED_GRADE: the lots measured a different material than declared, a high grade where a
 * lower grade was declared, or a grade the declared HS code does not cover. Judged on the
 * mass-weighted dominant grade; lots graded only UNCERTAIN cannot be judged.
 */
public final class UnderDeclaredGradeRule implements SiteRule {
    private final GradeCatalogue catalogue;

    public UnderDeclaredGradeRule(GradeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<Reason> evaluate(SiteCheckInput input) {
        String measured = input.measurement().grade();
        Optional<Grade> grade = measured == null ? Optional.empty() : catalogue.find(measured);
        if (grade.isEmpty()) {
            return Optional.empty();
        }
        Declaration d = input.declarationCase().declaration();
        List<String> findings = findings(d, grade.get());
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> figures = new HashMap<>();
        figures.put("declaredMassKg", d.massKg());
        figures.put("measuredMassKg", input.measurement().massKg());
        LotMeasure.massByGrade(input.declarationCase().answers().values())
                .forEach((code, kg) -> figures.put("measuredKg." + code, kg));
        List<String> lots = d.lotIds().stream().filter(input.declarationCase().answers()::containsKey).distinct().toList();
        String detail = "lots measured " + measured + " (" + grade.get().material() + "): " + String.join("; ", findings);
        return Optional.of(Reason.of(AlertCode.UNDER_DECLARED_GRADE, detail, lots, figures));
    }

    private List<String> findings(Declaration d, Grade measured) {
        List<String> findings = new ArrayList<>();
        if (d.declaredMaterial() != measured.material()) {
            findings.add("declared material " + d.declaredMaterial() + " differs from measured " + measured.material());
        }
        if (d.declaredGrade() != null && !catalogue.isHighGrade(d.declaredGrade()) && measured.highGrade()) {
            findings.add("declared grade " + d.declaredGrade() + " is not high grade but " + measured.code() + " is");
        }
        if (!measured.hsCodes().contains(d.hsCode())) {
            findings.add("HS code " + d.hsCode() + " is not one of " + measured.code() + "'s " + measured.hsCodes());
        }
        return findings;
    }
}
