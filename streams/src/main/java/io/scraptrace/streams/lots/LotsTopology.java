package io.scraptrace.streams.lots;

import io.scraptrace.avro.GradedReading;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Per-lot state (item 2): folds deduplicated graded readings into a {@link LotState} per lotId in
 * {@link #STORE}. Graded records are already keyed by lotId, so no repartition is needed; the store is
 * cached, so a lot graded many times within a commit interval reaches RocksDB and the changelog once. It is the one
 * fold of a lot's readings: the views and the alerts' lot ledger both build on it.
 */
public final class LotsTopology {
    /** Queryable KeyValueStore&lt;lotId, LotState&gt;. */
    public static final String STORE = "views-lots-store";

    private LotsTopology() {
    }

    /** Adds the lot tracker; returns the readings marked with whether each opened its lot. */
    public static KStream<String, LotReading> track(StreamsBuilder builder, KStream<String, GradedReading> deduped) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                Serdes.String(), LotStateCodec.serde()).withCachingEnabled());
        return deduped.processValues(LotTracker::new, Named.as("views-lots"), STORE);
    }

    /**
     * Updates the lot's state and passes the reading on. The lots of the task's recent readings are
     * kept as objects beside the store (as the combiner keeps its sums), so a reading costs no store
     * read and deserialisation, only the write that makes the fold durable. The objects only ever
     * hold what was written to the store: they are dropped whenever the task (re)initialises - after
     * a migration, a restore, or an aborted transaction, whose writes Kafka Streams discards with the
     * task's state - and a lot not held is read from the store.
     */
    private static final class LotTracker implements FixedKeyProcessor<String, GradedReading, LotReading> {
        /** Lots held per task: far more than a partition has open at a time, a few MB at most. */
        private static final int HELD = 4096;

        private FixedKeyProcessorContext<String, LotReading> context;
        private KeyValueStore<String, LotState> lots;
        private Map<String, LotState> held;

        @Override
        public void init(FixedKeyProcessorContext<String, LotReading> context) {
            this.context = context;
            this.lots = context.getStateStore(STORE);
            this.held = new LinkedHashMap<>(HELD * 4 / 3 + 1, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, LotState> eldest) {
                    return size() > HELD;
                }
            };
        }

        @Override
        public void process(FixedKeyRecord<String, GradedReading> record) {
            GradedReading reading = record.value();
            String lotId = reading.getLotId();
            LotState previous = held.get(lotId);
            if (previous == null) {
                previous = lots.get(lotId);
            }
            LotState next = previous == null ? LotState.of(reading) : previous.add(reading);
            lots.put(lotId, next);
            held.put(lotId, next);
            context.forward(record.withValue(new LotReading(reading, previous, next)));
        }
    }
}
