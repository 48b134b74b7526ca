package io.scraptrace.streams.alerts.model;

/** The export alert codes of CONTRACT section 5 with their default severities (1 note .. 5 stop). */
public enum AlertCode {
    UNDER_DECLARED_GRADE(4),
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
