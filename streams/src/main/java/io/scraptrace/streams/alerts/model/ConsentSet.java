package io.scraptrace.streams.alerts.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The consents in force for one destination.
 *
 * @param consents the consents, one per consentId
 */
public record ConsentSet(List<Consent> consents) {
    public ConsentSet {
        consents = List.copyOf(consents);
    }

    /** No consent. */
    public static ConsentSet empty() {
        return new ConsentSet(List.of());
    }

    /** This set with {@code consent} added or replacing the one with its id. */
    public ConsentSet with(Consent consent) {
        List<Consent> updated = new ArrayList<>(without(consent.consentId()).consents);
        updated.add(consent);
        return new ConsentSet(updated);
    }

    /** This set without the consent of that id. */
    public ConsentSet without(String consentId) {
        return new ConsentSet(consents.stream().filter(c -> !c.consentId().equals(consentId)).toList());
    }
}
