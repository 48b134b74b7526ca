package io.scraptrace.streams.alerts;

import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.alerts.model.Consent;
import io.scraptrace.streams.alerts.model.ConsentSet;
import io.scraptrace.streams.alerts.model.LotClaims;
import io.scraptrace.streams.alerts.model.SampleHistory;
import io.scraptrace.streams.alerts.model.VerdictSet;
import io.scraptrace.streams.alerts.process.ConsentIndex;
import io.scraptrace.streams.alerts.process.DestinationCheck;
import io.scraptrace.streams.alerts.process.LotLedger;
import io.scraptrace.streams.alerts.process.SiteLedger;
import io.scraptrace.streams.alerts.process.VerdictMerger;
import io.scraptrace.streams.alerts.process.RollingBaseline;
import io.scraptrace.streams.alerts.rules.BaselineRule;
import io.scraptrace.streams.alerts.rules.ValueOutlierRule;
import io.scraptrace.streams.alerts.rules.VolumeSpikeRule;
import io.scraptrace.streams.alerts.state.DeclarationHeaderCodec;
import io.scraptrace.streams.alerts.state.DeclaredLotCodec;
import io.scraptrace.streams.alerts.state.LotListCodec;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
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
        StoreKind kind = new StoreKind(builder, settings.inMemoryState());
        kind.add(LotLedger.CLAIMS_STORE, AlertsTopology.json(LotClaims.class), false);
        // Rewritten on every reading and emptied on every flush: the cache keeps that off the changelog.
        kind.add(LotLedger.INTAKE_BUFFER_STORE, Serdes.Double(), true);
        kind.add(SiteLedger.HEADERS_STORE, DeclarationHeaderCodec.serde(), false);
        kind.add(SiteLedger.LOT_LISTS_STORE, LotListCodec.serde(), false);
        kind.add(SiteLedger.DECLARED_LOTS_STORE, DeclaredLotCodec.serde(), false);
        kind.add(SiteLedger.WAITING_STORE, Serdes.Long(), false);
        // Set on every lot answer of a waiting declaration and cleared on the next timer: the cache keeps that off the changelog.
        kind.add(SiteLedger.UNREPORTED_STORE, Serdes.Long(), true);
        kind.add(SiteLedger.INTAKE_STORE, Serdes.Double(), true);
        kind.add(SiteLedger.EXPORTED_STORE, Serdes.Double(), false);
        kind.add(ConsentIndex.CONSENTS_BY_ID_STORE, AlertsTopology.json(Consent.class), false);
        kind.add(DestinationCheck.CONSENTS_STORE, AlertsTopology.json(ConsentSet.class), false);
        for (BaselineRule rule : List.of(new ValueOutlierRule(settings), new VolumeSpikeRule(settings))) {
            kind.add(RollingBaseline.storeName(rule), AlertsTopology.json(SampleHistory.class), false);
        }
        kind.add(VerdictMerger.VERDICTS_STORE, AlertsTopology.json(VerdictSet.class), false);
        kind.add(AlertsTopology.ALERTS_STORE, topics.alerts.valueSerde(), false);
    }

    /** Adds key-value stores of one kind (RocksDB or in-memory), changelogged either way. */
    private record StoreKind(StreamsBuilder builder, boolean inMemory) {
        <V> void add(String name, Serde<V> valueSerde, boolean cached) {
            KeyValueBytesStoreSupplier supplier = inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
            var store = Stores.keyValueStoreBuilder(supplier, Serdes.String(), valueSerde);
            builder.addStateStore(cached ? store.withCachingEnabled() : store.withCachingDisabled());
        }
    }
}
