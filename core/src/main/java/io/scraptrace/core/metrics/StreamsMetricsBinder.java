package io.scraptrace.core.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Micrometer's Kafka binder over a Kafka Streams instance's metrics, minus RocksDB's
 * property-based gauges. Those gauges call into the native RocksDB handle of a store whenever they
 * are read; read from another thread (the binder's refresh, a Prometheus scrape) while a rebalance
 * closes that store, the JVM dies with a SIGSEGV in {@code rocksdb::DBImpl::GetIntProperty} (seen
 * here with Kafka 4.1.1). Kafka Streams' own recording of RocksDB statistics happens on the stream
 * thread and stays.
 */
final class StreamsMetricsBinder {
    /** Group of Kafka Streams' state-store metrics, RocksDB's among them. */
    static final String STATE_GROUP = "stream-state-metrics";

    private StreamsMetricsBinder() {
    }

    /** A binder of {@code streams}' metrics without the RocksDB property gauges (Micrometer's, closed to unbind). */
    @SuppressWarnings("unchecked")
    static <B extends MeterBinder & AutoCloseable> B of(KafkaStreams streams, ScheduledExecutorService refresh, Duration interval) {
        Supplier<Map<MetricName, ? extends Metric>> metrics = () -> safe(streams.metrics());
        try {
            // Micrometer keeps its generic Kafka binder (a supplier of metrics) package-private; the
            // public KafkaStreamsMetrics would read every gauge, the dangerous ones included.
            Constructor<?> constructor = Class.forName("io.micrometer.core.instrument.binder.kafka.KafkaMetrics")
                    .getDeclaredConstructor(Supplier.class, Iterable.class, ScheduledExecutorService.class, Duration.class);
            constructor.setAccessible(true);
            return (B) constructor.newInstance(metrics, Tags.empty(), refresh, interval);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Micrometer's KafkaMetrics constructor changed: " + e, e);
        }
    }

    /** The metrics a reader on any thread may read: all but state-store gauges (non-measurable metrics). */
    static Map<MetricName, Metric> safe(Map<MetricName, ? extends Metric> all) {
        Map<MetricName, Metric> kept = new LinkedHashMap<>();
        all.forEach((name, metric) -> {
            boolean nativeGauge = STATE_GROUP.equals(name.group()) && metric instanceof KafkaMetric kafka && !kafka.isMeasurable();
            if (!nativeGauge) {
                kept.put(name, metric);
            }
        });
        return kept;
    }
}
