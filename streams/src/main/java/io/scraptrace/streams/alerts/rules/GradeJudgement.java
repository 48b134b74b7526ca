package io.scraptrace.streams.alerts.rules;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.model.EvidenceStrength;
import io.scraptrace.streams.alerts.model.Measurement;
import io.scraptrace.streams.alerts.model.Reason;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules that judge a declaration against the grade its lots measured (UNDER_DECLARED_GRADE,
 * HS_CODE_MISMATCH), asked only when there is enough evidence: the share of the declared mass
 * graded with confidence must reach {@code minGradedShare}. Below it, a finding they would make
 * becomes one INSUFFICIENT_EVIDENCE reason (inspect, never an accusation), as does a set of lots
 * graded only UNCERTAIN.
 */
public final class GradeJudgement {
    private final GradeCatalogue catalogue;
    private final double minGradedShare;
    private final List<GradeRule> rules;

    public GradeJudgement(GradeCatalogue catalogue, double minGradedShare) {
        this.catalogue = catalogue;
        this.minGradedShare = minGradedShare;
        this.rules = List.of(new UnderDeclaredGradeRule(catalogue), new HsCodeRule());
    }

    /** The grade reasons against the declaration of {@code input}. */
    public List<Reason> evaluate(SiteCheckInput input) {
        Measurement measurement = input.measurement();
        if (measurement.massKg() <= 0) {
            // Nothing graded: the lots' traceability is UNTRACEABLE_LOTS's finding, not a grade's.
            return List.of();
        }
        Optional<Grade> grade = Optional.ofNullable(measurement.grade()).flatMap(catalogue::find);
        if (grade.isEmpty()) {
            return List.of(insufficient(input, "the lots were graded only " + Grade.UNCERTAIN));
        }
        List<Reason> findings = rules.stream().map(rule -> rule.judge(input, grade.get())).flatMap(Optional::stream).toList();
        EvidenceStrength strength = measurement.strength();
        if (findings.isEmpty() || strength.gradedShare() >= minGradedShare) {
            return findings;
        }
        String would = String.join("; ", findings.stream().map(r -> r.code() + ": " + r.detail()).toList());
        return List.of(insufficient(input, "the lots measured " + grade.get().code() + ", which would mean " + would));
    }

    private Reason insufficient(SiteCheckInput input, String what) {
        EvidenceStrength strength = input.measurement().strength();
        String detail = String.format(Locale.ROOT, "%s, but only %.0f %% of the declared mass was graded with confidence "
                        + "(%.0f %% UNCERTAIN, least %.0f %% to judge): inspect",
                what, 100 * strength.gradedShare(), 100 * strength.uncertainShare(), 100 * minGradedShare);
        Map<String, Double> figures = figures(input);
        figures.put("minGradedShare", minGradedShare);
        return Reason.of(AlertCode.INSUFFICIENT_EVIDENCE, detail, lots(input), figures);
    }

    /** The figures every grade reason shows: declared and measured mass, measured mass by grade. */
    static Map<String, Double> figures(SiteCheckInput input) {
        Map<String, Double> figures = new HashMap<>();
        figures.put("declaredMassKg", input.declaration().massKg());
        figures.put("measuredMassKg", input.measurement().massKg());
        input.massByGrade().forEach((code, kg) -> figures.put("measuredKg." + code, kg));
        return figures;
    }

    /** The declared lots that were graded: what a grade reason rests on. */
    static List<String> lots(SiteCheckInput input) {
        return input.lots().answered();
    }
}
