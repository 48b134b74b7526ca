package io.scraptrace.streams.lots;

import io.scraptrace.avro.GradedReading;
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
 * cached, so a lot graded many times within a commit interval is written back once. It is the one
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

    /** Updates the lot's state and passes the reading on. */
    private static final class LotTracker implements FixedKeyProcessor<String, GradedReading, LotReading> {
        private FixedKeyProcessorContext<String, LotReading> context;
        private KeyValueStore<String, LotState> lots;

        @Override
        public void init(FixedKeyProcessorContext<String, LotReading> context) {
            this.context = context;
            this.lots = context.getStateStore(STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, GradedReading> record) {
            GradedReading reading = record.value();
            String lotId = reading.getLotId();
            LotState previous = lots.get(lotId);
            LotState next = previous == null ? LotState.of(reading) : previous.add(reading);
            lots.put(lotId, next);
            context.forward(record.withValue(new LotReading(reading, previous, next)));
        }
    }
}
