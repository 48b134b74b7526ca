package io.scraptrace.streams.kpis;

import io.scraptrace.avro.Alert;

/**
 * A declaration as the KPIs counted it: where and when its exported mass was booked and whether it
 * went to a destination without consent. Kept per declaration so that a re-judged declaration
 * replaces its earlier booking instead of adding to it.
 *
 * @param monthKey       region and month it is booked under ({@link MonthKey})
 * @param material       declared material
 * @param grade          declared grade, null when the declaration named none
 * @param massKg         declared mass
 * @param withoutConsent whether the alert found no valid Basel consent for the destination
 */
public record CountedExport(String monthKey, String material, String grade, double massKg, boolean withoutConsent) {
    /** The alert code the KPIs read "exported without consent" from. */
    public static final String HAZARDOUS_DESTINATION = "HAZARDOUS_DESTINATION";

    /** How {@code alert} books its declaration, months taken in {@code months}' zone. */
    public static CountedExport of(Alert alert, MonthKey months) {
        boolean withoutConsent = alert.getReasons().stream().anyMatch(r -> HAZARDOUS_DESTINATION.equals(r.getCode()));
        return new CountedExport(months.key(alert.getRegion(), alert.getTimestamp().toEpochMilli()), alert.getDeclaredMaterial().name(),
                alert.getDeclaredGrade(), alert.getDeclaredMassKg(), withoutConsent);
    }
}
