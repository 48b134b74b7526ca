package io.scraptrace.core.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The process's metrics, rendered in the Prometheus text format at {@code /metrics}: the
 * services' own counters and gauges, JVM and process figures, and the Kafka clients' and Kafka
 * Streams' metrics (consumer lag per partition, request and commit rates, ...) once their clients
 * are {@linkplain #bindStreams(KafkaStreams) bound}. One instance per process, shared by all services running in it.
 * Backed by a Micrometer {@link PrometheusMeterRegistry}.
 */
public final class Metrics {
    /** A monotonically increasing count. */
    public static final class Counter {
        private final io.micrometer.core.instrument.Counter counter;

        private Counter(io.micrometer.core.instrument.Counter counter) {
            this.counter = counter;
        }

        public void inc() {
            counter.increment();
        }

        public void inc(long n) {
            counter.increment(n);
        }

        public long get() {
            return (long) counter.count();
        }
    }

    /** Bound client metrics; closing removes their series (do it when the clients close). */
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * How often the Kafka binders look for metrics a client added since (a partition assigned later
     * brings its lag series): Micrometer's default of a minute leaves a fresh service without lag.
     */
    private static final Duration KAFKA_REFRESH = Duration.ofSeconds(5);

    private final ScheduledExecutorService kafkaRefresh = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "metrics-kafka-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Gauge suppliers by name and labels: a re-registration swaps the supplier the registered gauge reads. */
    private final Map<List<Object>, AtomicReference<DoubleSupplier>> gauges = new ConcurrentHashMap<>();

    public Metrics() {
        for (MeterBinder jvm : List.of(new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new FileDescriptorMetrics(), new UptimeMetrics())) {
            jvm.bindTo(registry);
        }
    }

    /** The counter {@code name} with the given label pairs ({@code "kind", "reading"}), created on first use. */
    public Counter counter(String name, String help, String... labels) {
        return new Counter(io.micrometer.core.instrument.Counter.builder(name).description(help).tags(tags(labels)).register(registry));
    }

    /** Register a gauge read at scrape time; a later registration with the same labels replaces it. */
    public void gauge(String name, String help, DoubleSupplier value, String... labels) {
        Tags tags = tags(labels);
        gauges.computeIfAbsent(List.of(name, tags), key -> {
            AtomicReference<DoubleSupplier> current = new AtomicReference<>(value);
            Gauge.builder(name, current, ref -> ref.get().getAsDouble()).description(help).tags(tags).strongReference(true).register(registry);
            return current;
        }).set(value);
    }

    /**
     * Publish the metrics of a consumer and a producer working together (lag per partition, fetch,
     * request, transaction and error rates) through Micrometer's Kafka binder.
     */
    public Binding bind(Consumer<?, ?> consumer, Producer<?, ?> producer) {
        Binding consumerMetrics = attach(new KafkaClientMetrics(consumer, Tags.empty(), kafkaRefresh, KAFKA_REFRESH));
        Binding producerMetrics = bind(producer);
        return () -> {
            consumerMetrics.close();
            producerMetrics.close();
        };
    }

    /** Publish a producer's metrics (send, error and retry rates, transactions) through Micrometer's Kafka binder. */
    public Binding bind(Producer<?, ?> producer) {
        return attach(new KafkaClientMetrics(producer, Tags.empty(), kafkaRefresh, KAFKA_REFRESH));
    }

    /**
     * Publish Kafka Streams' metrics and those of its embedded clients (process and commit rates
     * and latencies, end-to-end latency, state stores, consumer lag per partition), except RocksDB's
     * property gauges, which crash the JVM when read during a rebalance ({@link StreamsMetricsBinder}).
     * Not an overload of {@code bind}: Kafka Streams is on the classpath of the streams module only,
     * and javac needs every overload's parameter types to resolve a {@code bind} call.
     */
    public Binding bindStreams(KafkaStreams streams) {
        return attach(StreamsMetricsBinder.of(streams, kafkaRefresh, KAFKA_REFRESH));
    }

    private <B extends MeterBinder & AutoCloseable> Binding attach(B binder) {
        binder.bindTo(registry);
        return () -> {
            try {
                binder.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot unbind " + binder, e);
            }
        };
    }

    /** The Prometheus text exposition of every metric. */
    public String render() {
        return registry.scrape();
    }

    private static Tags tags(String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name/value pairs");
        }
        return Tags.of(labels);
    }
}
