package io.scraptrace.streams.alerts.model;

/** The export alert codes of CONTRACT section 5 with their default severities (1 note .. 5 stop). */
public enum AlertCode {
    UNDER_DECLARED_GRADE(4),
    /** Default for another chapter or heading; another subheading of the right heading is milder. */
    HS_CODE_MISMATCH(4),
    /** Not an accusation: too little of the declared mass was graded with confidence to judge the grade. */
    INSUFFICIENT_EVIDENCE(1),
    MASS_BALANCE_EXCEEDED(4),
    UNREGISTERED_SITE(3),
    UNTRACEABLE_LOTS(4),
    HAZARDOUS_DESTINATION(5),
    VALUE_OUTLIER(2),
    VOLUME_SPIKE(3);

    private final int severity;

    AlertCode(int severity) {
        this.severity = severity;
    }

    /** Severity of a reason with this code unless the rule raises it. */
    public int severity() {
        return severity;
    }
}
