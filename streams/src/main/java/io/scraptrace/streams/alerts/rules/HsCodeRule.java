package io.scraptrace.streams.alerts.rules;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Reason;
import java.util.Map;
import java.util.Optional;

/**
 * HS_CODE_MISMATCH: the declared HS code is none of those the measured grade may be declared under
 * ({@link Grade#hsCodes()}, from the HS nomenclature). Another chapter or heading (7204 ferrous
 * waste vs 7602 aluminium waste vs 8549 battery waste) is serious; another subheading of a heading
 * the grade belongs to (7204.30 tinned vs 7204.49 other ferrous waste) is a note. Judged only when
 * the declared material is the measured one: otherwise the HS code follows the wrong material and
 * the finding is {@link UnderDeclaredGradeRule}'s.
 */
final class HsCodeRule implements GradeRule {
    /** Severity of a code under a heading the grade does not belong to. */
    static final int OTHER_HEADING_SEVERITY = 4;
    /** Severity of another subheading of the grade's own heading. */
    static final int OTHER_SUBHEADING_SEVERITY = 2;

    @Override
    public Optional<Reason> judge(SiteCheckInput input, Grade measured) {
        Declaration d = input.declaration();
        if (d.declaredMaterial() != measured.material() || measured.hsCodes().isEmpty() || measured.hsCodes().contains(d.hsCode())) {
            return Optional.empty();
        }
        boolean sameHeading = measured.hsCodes().stream().anyMatch(code -> heading(code).equals(heading(d.hsCode())));
        Map<String, Double> figures = GradeJudgement.figures(input);
        String distance = sameHeading ? "another subheading of heading " + heading(d.hsCode())
                : heading(d.hsCode()).startsWith(chapter(measured.hsCodes().get(0))) ? "another heading of the chapter" : "another chapter";
        String detail = "HS " + d.hsCode() + " is not among the codes " + measured.code() + " may be declared under "
                + measured.hsCodes() + " (" + distance + ")";
        return Optional.of(Reason.of(AlertCode.HS_CODE_MISMATCH, sameHeading ? OTHER_SUBHEADING_SEVERITY : OTHER_HEADING_SEVERITY,
                detail, GradeJudgement.lots(input), figures));
    }

    /** The 4-digit heading of an HS code written as 7204.41 or 720441. */
    static String heading(String hsCode) {
        String digits = hsCode == null ? "" : hsCode.replaceAll("[^0-9]", "");
        return digits.length() >= 4 ? digits.substring(0, 4) : digits;
    }

    private static String chapter(String hsCode) {
        String heading = heading(hsCode);
        return heading.length() >= 2 ? heading.substring(0, 2) : heading;
    }
}
