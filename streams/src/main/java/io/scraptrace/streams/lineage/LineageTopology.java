package io.scraptrace.streams.lineage;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.streams.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps the readings of every lot for the lineage (item 5) in {@link #STORE}, keyed
 * {@code lotId|eventId}: the lot's readings are one contiguous key range on the partition that
 * owns the lot, so a lot's readings are listed without scanning the store.
 */
public final class LineageTopology {
    /** Queryable KeyValueStore&lt;lotId|eventId, ReadingTrace&gt;. */
    public static final String STORE = "views-lineage-readings-store";

    private static final char SEPARATOR = '|';

    private LineageTopology() {
    }

    /** Adds the reading register for the deduplicated graded stream. */
    public static void build(StreamsBuilder builder, KStream<String, GradedReading> deduped) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                Serdes.String(), new JsonSerde<>(ReadingTrace.class)));
        deduped.process(TraceWriter::new, Named.as("views-lineage"), STORE);
    }

    /** Store key of one reading of a lot. */
    public static String key(String lotId, String eventId) {
        return lotId + SEPARATOR + eventId;
    }

    /** Lowest store key of a lot's readings. */
    public static String firstKey(String lotId) {
        return lotId + SEPARATOR;
    }

    /** Highest store key of a lot's readings: nothing an eventId starts with sorts after U+FFFF. */
    public static String lastKey(String lotId) {
        return lotId + SEPARATOR + '\uffff';
    }

    /** Writes each reading's trace; forwards nothing. */
    private static final class TraceWriter implements Processor<String, GradedReading, Void, Void> {
        private KeyValueStore<String, ReadingTrace> traces;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.traces = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, GradedReading> record) {
            GradedReading reading = record.value();
            traces.put(key(reading.getLotId(), reading.getEventId()), ReadingTrace.of(reading));
        }
    }
}
