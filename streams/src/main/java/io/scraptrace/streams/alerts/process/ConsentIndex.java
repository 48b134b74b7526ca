package io.scraptrace.streams.alerts.process;

import io.scraptrace.avro.BaselConsent;
import io.scraptrace.streams.alerts.model.Consent;
import io.scraptrace.streams.alerts.model.ConsentChange;
import io.scraptrace.streams.alerts.model.DestinationEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by consentId: turns the compacted consents topic into consent changes keyed by
 * destination. It remembers each consent because a revocation is a tombstone that no longer says
 * which destination it revokes.
 */
public final class ConsentIndex implements Processor<String, BaselConsent, String, DestinationEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ConsentIndex.class);
    /** consentId -> {@link Consent}. */
    public static final String CONSENTS_BY_ID_STORE = "alerts-consents-by-id";

    private ProcessorContext<String, DestinationEvent> context;
    private KeyValueStore<String, Consent> byId;

    @Override
    public void init(ProcessorContext<String, DestinationEvent> context) {
        this.context = context;
        byId = context.getStateStore(CONSENTS_BY_ID_STORE);
    }

    @Override
    public void process(Record<String, BaselConsent> record) {
        String consentId = record.value() != null ? record.value().getConsentId() : record.key();
        if (consentId == null) {
            return;
        }
        Consent old = byId.get(consentId);
        Consent granted = record.value() == null ? null : Consent.of(record.value());
        if (granted != null && !wellFormed(granted)) {
            return;
        }
        if (old != null && (granted == null || !old.destination().equals(granted.destination()))) {
            send(new ConsentChange(old, true), record.timestamp());
        }
        if (granted == null) {
            byId.delete(consentId);
        } else {
            byId.put(consentId, granted);
            send(new ConsentChange(granted, false), record.timestamp());
        }
    }

    private static boolean wellFormed(Consent consent) {
        try {
            consent.validated();
            return true;
        } catch (IllegalArgumentException e) {
            // Skipped, not fatal: one bad consent must not stop the checks. Without it the rule stays strict.
            LOG.warn("ignoring consent {}: {}", consent.consentId(), e.getMessage());
            return false;
        }
    }

    private void send(ConsentChange change, long timestamp) {
        context.forward(new Record<>(change.consent().destination(), DestinationEvent.of(change), timestamp));
    }
}
