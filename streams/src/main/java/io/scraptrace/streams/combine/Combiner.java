package io.scraptrace.streams.combine;

import io.scraptrace.core.config.ScrapTraceConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Sums what many records add to a few keys before they are repartitioned, like a MapReduce
 * combiner: readings arrive keyed by lot, but regions and sites have only a few keys, so a
 * repartition would carry one record per reading where one sum per key and interval does. The
 * sums live in a changelogged, cached store and are forwarded and deleted on a wall-clock timer;
 * under exactly-once both happen in the transaction that commits the input offsets, so a crash
 * neither loses nor repeats a reading's share.
 * <p>
 * The store is written on every record (that is what makes the sums durable) but never read on
 * the hot path: the processor keeps the same few sums as objects, loaded from the store whenever
 * the task (re)initialises, so each record costs one serialisation instead of a read, a
 * deserialisation and a serialisation.
 *
 * @param <I> input value
 * @param <V> the summable delta forwarded downstream
 */
public final class Combiner<I, V> implements Processor<String, I, String, V> {
    /** Config key: how often combiners forward their sums (aggregates and site balances alike). */
    public static final String INTERVAL_MS = "streams.combine.interval.ms";
    /** Default interval: well under the commit interval, so it adds little to freshness. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    /** Separates the bucket from the output key in the store key; buckets never contain it. */
    private static final char SEPARATOR = '\u001f';

    /**
     * What one input record adds, or null when it adds nothing.
     *
     * @param <I> input value
     * @param <V> delta
     */
    @FunctionalInterface
    public interface Contribution<I, V> {
        /**
         * @param record     the input
         * @param streamTime the task's stream time (latest event time seen), for closing windows
         */
        Delta<V> of(Record<String, I> record, long streamTime);
    }

    /**
     * A share of the sum forwarded under {@code key}; shares of different buckets (e.g. time
     * windows) are kept and forwarded apart.
     *
     * @param key    output record key
     * @param bucket what else separates sums of the same key; empty when nothing does
     * @param value  the share
     * @param <V>    delta type
     */
    public record Delta<V>(String key, String bucket, V value) {
    }

    private final String storeName;
    private final Contribution<I, V> contribution;
    private final BinaryOperator<V> sum;
    private final Duration interval;
    private ProcessorContext<String, V> context;
    private KeyValueStore<String, V> sums;
    /** The store's content as objects; a few keys per interval (buckets x output keys). */
    private Map<String, V> pending;

    /**
     * @param storeName    the buffer store, added with {@link #addStore}
     * @param contribution what an input adds
     * @param sum          adds the second delta to the first; may update the first in place and return
     *                     it, because the combiner owns its sums and forwards each only once
     * @param interval     how often the sums are forwarded
     */
    public Combiner(String storeName, Contribution<I, V> contribution, BinaryOperator<V> sum, Duration interval) {
        this.storeName = storeName;
        this.contribution = contribution;
        this.sum = sum;
        this.interval = interval;
    }

    /** How often the combiners of {@code config} forward their sums. */
    public static Duration interval(ScrapTraceConfig config) {
        return Duration.ofMillis(config.getLong(INTERVAL_MS, DEFAULT_INTERVAL.toMillis()));
    }

    /** Adds the buffer store a combiner named {@code storeName} keeps its sums in. */
    public static <V> void addStore(StreamsBuilder builder, String storeName, Serde<V> valueSerde) {
        // Cached: a key rewritten by every record reaches RocksDB and the changelog once per commit at most.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), Serdes.String(), valueSerde)
                .withCachingEnabled());
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
        this.sums = context.getStateStore(storeName);
        // Called again when a task is revived after a failure: the store then holds what was committed.
        this.pending = new HashMap<>();
        try (KeyValueIterator<String, V> it = sums.all()) {
            it.forEachRemaining(entry -> pending.put(entry.key, entry.value));
        }
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<String, I> record) {
        Delta<V> delta = contribution.of(record, context.currentStreamTimeMs());
        if (delta == null) {
            return;
        }
        String storeKey = delta.bucket() + SEPARATOR + delta.key();
        V total = pending.merge(storeKey, delta.value(), sum);
        sums.put(storeKey, total);
    }

    private void flush() {
        long streamTime = context.currentStreamTimeMs();
        for (Map.Entry<String, V> entry : pending.entrySet()) {
            sums.delete(entry.getKey());
            String key = entry.getKey().substring(entry.getKey().indexOf(SEPARATOR) + 1);
            context.forward(new Record<>(key, entry.getValue(), Math.max(streamTime, 0)));
        }
        pending.clear();
    }
}
