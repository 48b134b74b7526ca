package io.scraptrace.streams.alerts.model;

import io.scraptrace.avro.BaselConsent;
import io.scraptrace.avro.Material;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A Basel prior informed consent as the destination check keeps it.
 *
 * @param consentId   key on the consents topic
 * @param exporterId  the exporter it is for, null for any exporter
 * @param destination ISO 3166-1 alpha-2
 * @param material    the controlled material it allows
 * @param validFrom   first valid date (ISO-8601), null for open
 * @param validUntil  last valid date (ISO-8601), null for open
 */
public record Consent(String consentId, String exporterId, String destination, Material material,
                      String validFrom, String validUntil) {

    /** The consent carried by a consents topic record. */
    public static Consent of(BaselConsent consent) {
        return new Consent(consent.getConsentId(), consent.getExporterId(), consent.getDestination(),
                consent.getMaterial(), consent.getValidFrom(), consent.getValidUntil());
    }

    /** The Avro record for the consents topic. */
    public BaselConsent toAvro() {
        return BaselConsent.newBuilder().setConsentId(consentId).setExporterId(exporterId).setDestination(destination)
                .setMaterial(material).setValidFrom(validFrom).setValidUntil(validUntil).build();
    }

    /**
     * This consent if it can be checked against: id, destination and material present, dates
     * ISO-8601. Otherwise throws IllegalArgumentException naming the problem.
     */
    public Consent validated() {
        if (consentId == null || consentId.isBlank()) {
            throw new IllegalArgumentException("consentId is required");
        }
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("destination is required");
        }
        if (material == null) {
            throw new IllegalArgumentException("material is required");
        }
        try {
            Optional.ofNullable(validFrom).ifPresent(LocalDate::parse);
            Optional.ofNullable(validUntil).ifPresent(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("validFrom/validUntil must be ISO-8601 dates: " + e.getMessage(), e);
        }
        return this;
    }

    /** Whether this consent covers shipping {@code shipped} by {@code exporter} on {@code date}. */
    public boolean covers(Material shipped, String exporter, LocalDate date) {
        return material == shipped
                && (exporterId == null || exporterId.equals(exporter))
                && (validFrom == null || !date.isBefore(LocalDate.parse(validFrom)))
                && (validUntil == null || !date.isAfter(LocalDate.parse(validUntil)));
    }
}
