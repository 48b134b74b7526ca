package io.scraptrace.streams.lineage;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.core.config.ScrapTraceConfig;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The register of graded readings: keeps every reading of every lot for the lineage (item 5) in
 * {@link #STORE}, keyed {@code lotId|eventId}, and passes each reading on the first time only, so a
 * resent reading is counted once by every view and every alert rule. Graded records are keyed by
 * lotId, so a resend lands on the partition that registered the original; and a lot's readings are
 * one contiguous key range there, listed without scanning the store.
 * <p>
 * The register is the lineage itself, so a resend is recognised however late it comes. Kept for
 * good by default; with {@value #RETENTION_MS} set, a {@link Sweeper} replaces the trace of a reading
 * measured longer than that before the partition's stream time with {@link ReadingTrace#EXPIRED}:
 * the details go, the key stays (the lot keeps its totals, and a resend is still counted once).
 */
public final class LineageTopology {
    /** Queryable KeyValueStore&lt;lotId|eventId, ReadingTrace&gt;. */
    public static final String STORE = "views-lineage-readings-store";

    /** Config key: how long, in measurement time, a reading's full trace is kept; unset keeps it for good. */
    public static final String RETENTION_MS = "streams.lineage.retention.ms";

    private static final char SEPARATOR = '|';

    private LineageTopology() {
    }

    /** Adds the register for {@code graded} with the retention {@code config} sets; returns the readings seen for the first time. */
    public static KStream<String, GradedReading> register(StreamsBuilder builder, ScrapTraceConfig config,
                                                          KStream<String, GradedReading> graded) {
        long millis = config.getLong(RETENTION_MS, -1);
        return register(builder, graded, millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis)));
    }

    /** Adds the register for {@code graded}, keeping every trace for good; returns the readings seen for the first time. */
    public static KStream<String, GradedReading> register(StreamsBuilder builder, KStream<String, GradedReading> graded) {
        return register(builder, graded, Optional.empty());
    }

    private static KStream<String, GradedReading> register(StreamsBuilder builder, KStream<String, GradedReading> graded,
                                                           Optional<Duration> retention) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                Serdes.String(), ReadingTraceCodec.serde()));
        return graded.processValues(() -> new Register(retention), Named.as("views-lineage"), STORE);
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

    /** Writes a new reading's trace and forwards it; swallows a reading already registered. */
    private static final class Register implements FixedKeyProcessor<String, GradedReading, GradedReading> {
        private final Optional<Duration> retention;
        private FixedKeyProcessorContext<String, GradedReading> context;
        private KeyValueStore<String, ReadingTrace> traces;

        Register(Optional<Duration> retention) {
            this.retention = retention;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, GradedReading> context) {
            this.context = context;
            this.traces = context.getStateStore(STORE);
            retention.ifPresent(kept -> {
                Sweeper sweeper = new Sweeper(traces, kept);
                context.schedule(Sweeper.INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweeper.sweep(context.currentStreamTimeMs()));
            });
        }

        @Override
        public void process(FixedKeyRecord<String, GradedReading> record) {
            GradedReading reading = record.value();
            if (reading == null) {
                return;
            }
            String key = key(reading.getLotId(), reading.getEventId());
            if (traces.get(key) == null) {
                traces.put(key, ReadingTrace.of(reading));
                context.forward(record);
            }
        }
    }
}
