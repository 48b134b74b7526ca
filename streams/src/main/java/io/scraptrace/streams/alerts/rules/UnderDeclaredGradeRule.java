package io.scraptrace.streams.alerts.rules;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Reason;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * UNDER_DECLARED_GRADE: the lots measured another material than declared, or a grade of a better
 * value class ({@link Grade#valueClass()}) than the declared grade of the same material. The HS
 * code is {@link HsCodeRule}'s finding, not this one's.
 */
final class UnderDeclaredGradeRule implements GradeRule {
    private final GradeCatalogue catalogue;

    UnderDeclaredGradeRule(GradeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<Reason> judge(SiteCheckInput input, Grade measured) {
        Declaration d = input.declaration();
        Map<String, Double> figures = GradeJudgement.figures(input);
        if (d.declaredMaterial() != measured.material()) {
            return Optional.of(Reason.of(AlertCode.UNDER_DECLARED_GRADE,
                    "declared material " + d.declaredMaterial() + " but the lots measured " + measured.code() + " ("
                            + measured.material() + ")", GradeJudgement.lots(input), figures));
        }
        OptionalInt declaredClass = d.declaredGrade() == null ? OptionalInt.empty() : catalogue.valueClassOf(d.declaredGrade());
        if (declaredClass.isPresent() && declaredClass.getAsInt() > measured.valueClass()) {
            figures.put("declaredValueClass", (double) declaredClass.getAsInt());
            figures.put("measuredValueClass", (double) measured.valueClass());
            return Optional.of(Reason.of(AlertCode.UNDER_DECLARED_GRADE,
                    "declared grade " + d.declaredGrade() + " (value class " + declaredClass.getAsInt() + ") but the lots measured "
                            + measured.code() + " (value class " + measured.valueClass() + ")", GradeJudgement.lots(input), figures));
        }
        return Optional.empty();
    }
}
