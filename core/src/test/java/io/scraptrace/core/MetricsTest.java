package io.scraptrace.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.core.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** Prometheus text exposition. */
class MetricsTest {
    @Test
    void rendersCountersAndGaugesWithLabels() {
        Metrics metrics = new Metrics();
        metrics.counter("scraptrace_accepted_total", "Accepted records", "kind", "reading").inc(3);
        metrics.counter("scraptrace_accepted_total", "Accepted records", "kind", "reading").inc();
        metrics.gauge("scraptrace_lag", "Consumer lag", () -> 1.5);
        String text = metrics.render();
        assertTrue(text.contains("# TYPE scraptrace_accepted_total counter\n"), text);
        assertTrue(text.contains("scraptrace_accepted_total{kind=\"reading\"} 4\n"), text);
        assertTrue(text.contains("scraptrace_lag 1.5\n"), text);
    }
}
