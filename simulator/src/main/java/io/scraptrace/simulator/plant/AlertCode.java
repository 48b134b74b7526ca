package io.scraptrace.simulator.plant;

/** The alert codes of CONTRACT section 5 that the simulator plants. */
public enum AlertCode {
    UNDER_DECLARED_GRADE,
    MASS_BALANCE_EXCEEDED,
    UNREGISTERED_SITE,
    UNTRACEABLE_LOTS,
    HAZARDOUS_DESTINATION,
    VALUE_OUTLIER,
    VOLUME_SPIKE
}
