package io.scraptrace.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Rate;
import org.junit.jupiter.api.Test;

/** Which of Kafka Streams' metrics may be read from the binder's and the scraper's threads. */
class StreamsMetricsBinderTest {
    @Test
    void dropsOnlyTheStateStoresGaugesThatReadANativeHandle() {
        try (org.apache.kafka.common.metrics.Metrics kafka = new org.apache.kafka.common.metrics.Metrics()) {
            Map<String, String> tags = Map.of("rocksdb-state-id", "views-lots-store");
            // What RocksDBMetricsRecorder registers for a property such as block-cache-usage: a gauge.
            kafka.addMetric(kafka.metricName("block-cache-usage", StreamsMetricsBinder.STATE_GROUP, "", tags),
                    (Gauge<Long>) (config, now) -> 1L);
            // Statistics-based store metrics are sensors the stream thread records: measurable.
            Sensor written = kafka.sensor("bytes-written");
            written.add(kafka.metricName("bytes-written-rate", StreamsMetricsBinder.STATE_GROUP, "", tags), new Rate());
            Sensor processed = kafka.sensor("process");
            processed.add(kafka.metricName("process-rate", "stream-thread-metrics", "", Map.of()), new Rate());
            kafka.addMetric(kafka.metricName("records-lag", "consumer-fetch-manager-metrics", "", Map.of()),
                    (Gauge<Double>) (config, now) -> 0.0);

            Set<String> kept = StreamsMetricsBinder.safe(kafka.metrics()).keySet().stream()
                    .map(MetricName::name).collect(Collectors.toSet());

            assertEquals(Set.of("bytes-written-rate", "process-rate", "records-lag", "count"), kept);
        }
    }
}
