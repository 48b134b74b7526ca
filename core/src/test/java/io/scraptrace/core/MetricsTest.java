package io.scraptrace.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.core.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** Prometheus text exposition of the services' counters and gauges, next to the JVM's figures. */
class MetricsTest {
    @Test
    void rendersCountersUnderTheirNamesWithLabels() {
        Metrics metrics = new Metrics();
        metrics.counter("scraptrace_accepted_total", "Accepted records", "kind", "reading").inc(3);
        metrics.counter("scraptrace_accepted_total", "Accepted records", "kind", "reading").inc();
        metrics.counter("scraptrace_accepted_total", "Accepted records", "kind", "frame").inc();
        String text = metrics.render();
        assertTrue(text.contains("# TYPE scraptrace_accepted_total counter\n"), text);
        assertTrue(text.contains("# HELP scraptrace_accepted_total Accepted records\n"), text);
        assertTrue(text.contains("scraptrace_accepted_total{kind=\"reading\"} 4.0\n"), text);
        assertTrue(text.contains("scraptrace_accepted_total{kind=\"frame\"} 1.0\n"), text);
        assertEquals(4, metrics.counter("scraptrace_accepted_total", "Accepted records", "kind", "reading").get());
    }

    @Test
    void aGaugeIsReadAtScrapeTimeAndALaterRegistrationReplacesIt() {
        Metrics metrics = new Metrics();
        metrics.gauge("scraptrace_sse_clients", "Connected clients", () -> 1.5);
        assertTrue(metrics.render().contains("scraptrace_sse_clients 1.5\n"), metrics.render());
        metrics.gauge("scraptrace_sse_clients", "Connected clients", () -> 3);
        assertTrue(metrics.render().contains("scraptrace_sse_clients 3.0\n"), metrics.render());
    }

    @Test
    void showsJvmAndProcessFigures() {
        String text = new Metrics().render();
        for (String series : new String[] {"jvm_memory_used_bytes{", "jvm_threads_live_threads ", "process_cpu_usage ", "process_uptime_seconds "}) {
            assertTrue(text.contains(series), series + " in " + text);
        }
    }
}
