package io.scraptrace.simulator.plant;

/**
 * The alert codes of CONTRACT section 5 that the simulator plants. INSUFFICIENT_EVIDENCE is not one:
 * it depends on how sure the sorter is, which the simulator does not decide.
 */
public enum AlertCode {
    UNDER_DECLARED_GRADE,
    HS_CODE_MISMATCH,
    MASS_BALANCE_EXCEEDED,
    UNREGISTERED_SITE,
    UNTRACEABLE_LOTS,
    HAZARDOUS_DESTINATION,
    VALUE_OUTLIER,
    VOLUME_SPIKE
}
