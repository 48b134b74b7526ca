package io.scraptrace.streams.alerts;

import io.scraptrace.avro.Alert;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.alerts.model.Consent;
import io.scraptrace.streams.alerts.model.ConsentSet;
import io.scraptrace.streams.alerts.model.DeclarationCase;
import io.scraptrace.streams.alerts.model.LotClaims;
import io.scraptrace.streams.alerts.model.LotFacts;
import io.scraptrace.streams.alerts.model.SampleHistory;
import io.scraptrace.streams.alerts.model.VerdictSet;
import io.scraptrace.streams.alerts.process.ConsentIndex;
import io.scraptrace.streams.alerts.process.DestinationCheck;
import io.scraptrace.streams.alerts.process.LotLedger;
import io.scraptrace.streams.alerts.process.SiteLedger;
import io.scraptrace.streams.alerts.process.VerdictMerger;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The persistent, changelogged state stores of the alert sub-topology. Exactly-once processing
 * commits them atomically with the records they produced, so a restart neither loses nor repeats
 * a step.
 */
final class AlertStores {
    private AlertStores() {
    }

    static void addAll(StreamsBuilder builder, Topics topics, AlertSettings settings) {
        // A window store forgets eventIds after the dedupe window instead of growing forever.
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(LotLedger.SEEN_STORE,
                settings.dedupeWindow(), settings.dedupeWindow(), false), Serdes.String(), Serdes.Long()));
        add(builder, LotLedger.LOTS_STORE, AlertsTopology.json(LotFacts.class), true);
        add(builder, LotLedger.CLAIMS_STORE, AlertsTopology.json(LotClaims.class), false);
        // Rewritten on every reading and emptied on every flush: the cache keeps that off the changelog.
        add(builder, LotLedger.INTAKE_BUFFER_STORE, Serdes.Double(), true);
        add(builder, SiteLedger.CASES_STORE, AlertsTopology.json(DeclarationCase.class), false);
        add(builder, SiteLedger.WAITING_STORE, Serdes.Long(), false);
        add(builder, SiteLedger.INTAKE_STORE, Serdes.Double(), true);
        add(builder, SiteLedger.EXPORTED_STORE, Serdes.Double(), false);
        add(builder, ConsentIndex.CONSENTS_BY_ID_STORE, AlertsTopology.json(Consent.class), false);
        add(builder, DestinationCheck.CONSENTS_STORE, AlertsTopology.json(ConsentSet.class), false);
        add(builder, "alerts-value-baseline", AlertsTopology.json(SampleHistory.class), false);
        add(builder, "alerts-volume-baseline", AlertsTopology.json(SampleHistory.class), false);
        add(builder, VerdictMerger.VERDICTS_STORE, AlertsTopology.json(VerdictSet.class), false);
        add(builder, AlertsTopology.ALERTS_STORE, topics.alerts.valueSerde(), false);
    }

    private static <V> void add(StreamsBuilder builder, String name, Serde<V> valueSerde, boolean cached) {
        var store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
        builder.addStateStore(cached ? store.withCachingEnabled() : store.withCachingDisabled());
    }
}
