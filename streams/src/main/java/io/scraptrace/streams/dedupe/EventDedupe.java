package io.scraptrace.streams.dedupe;

import io.scraptrace.avro.GradedReading;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops graded readings whose eventId was already seen, so a resent reading is counted once by
 * every view. Graded records are keyed by lotId, so a resend lands on the partition that saw the
 * original. Seen ids live in a window store: it expires them by itself after {@code window}
 * instead of growing forever.
 */
public final class EventDedupe {
    /** Seen eventIds, kept for the dedupe window. */
    public static final String STORE = "views-dedupe-store";

    private EventDedupe() {
    }

    /** The graded stream without resends; a resend later than {@code window} after the original is not caught. */
    public static KStream<String, GradedReading> deduplicate(StreamsBuilder builder, KStream<String, GradedReading> graded, Duration window) {
        StoreBuilder<WindowStore<String, Long>> store = Stores.windowStoreBuilder(
                Stores.persistentWindowStore(STORE, window, window, false), Serdes.String(), Serdes.Long());
        builder.addStateStore(store);
        return graded.processValues(() -> new FirstSeen(window), Named.as("views-dedupe"), STORE);
    }

    /** Forwards a reading the first time its eventId shows up within the window and swallows it afterwards. */
    private static final class FirstSeen implements FixedKeyProcessor<String, GradedReading, GradedReading> {
        private final long windowMs;
        private FixedKeyProcessorContext<String, GradedReading> context;
        private WindowStore<String, Long> seen;

        FirstSeen(Duration window) {
            this.windowMs = window.toMillis();
        }

        @Override
        public void init(FixedKeyProcessorContext<String, GradedReading> context) {
            this.context = context;
            this.seen = context.getStateStore(STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, GradedReading> record) {
            GradedReading reading = record.value();
            if (reading == null) {
                return;
            }
            String eventId = reading.getEventId();
            long time = record.timestamp();
            boolean duplicate;
            try (WindowStoreIterator<Long> hits = seen.fetch(eventId, time - windowMs, time + windowMs)) {
                duplicate = hits.hasNext();
            }
            if (!duplicate) {
                seen.put(eventId, time, time);
                context.forward(record);
            }
        }
    }
}
