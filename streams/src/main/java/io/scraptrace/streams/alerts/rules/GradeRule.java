package io.scraptrace.streams.alerts.rules;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.streams.alerts.model.Reason;
import java.util.Optional;

/**
 * A rule that judges a declaration against the grade its lots measured. It is asked only through
 * {@link GradeJudgement}, which turns its finding into INSUFFICIENT_EVIDENCE when too little of the
 * declared mass was graded with confidence.
 */
interface GradeRule {
    /** The reason against the declaration of {@code input} given the measured catalogue grade, if any. */
    Optional<Reason> judge(SiteCheckInput input, Grade measured);
}
