package io.scraptrace.core.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * A small registry of counters and gauges rendered in the Prometheus text format at
 * {@code /metrics}. One instance per process, shared by all services running in it.
 */
public final class Metrics {
    /** A monotonically increasing count. */
    public static final class Counter {
        private final LongAdder adder = new LongAdder();

        public void inc() {
            adder.increment();
        }

        public void inc(long n) {
            adder.add(n);
        }

        public long get() {
            return adder.sum();
        }
    }

    private record Family(String help, String type, Map<String, Object> series) {
    }

    private final Map<String, Family> families = new ConcurrentHashMap<>();

    /** The counter {@code name} with the given label pairs ({@code "kind", "reading"}), created on first use. */
    public Counter counter(String name, String help, String... labels) {
        return (Counter) family(name, help, "counter").series().computeIfAbsent(labelText(labels), k -> new Counter());
    }

    /** Register a gauge read at scrape time; a later registration with the same labels replaces it. */
    public void gauge(String name, String help, DoubleSupplier value, String... labels) {
        family(name, help, "gauge").series().put(labelText(labels), value);
    }

    /** The Prometheus text exposition of every metric. */
    public String render() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(families).forEach((name, family) -> {
            out.append("# HELP ").append(name).append(' ').append(family.help()).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(family.type()).append('\n');
            new TreeMap<>(family.series()).forEach((labels, series) -> {
                double value = series instanceof Counter c ? c.get() : ((DoubleSupplier) series).getAsDouble();
                out.append(name).append(labels).append(' ').append(format(value)).append('\n');
            });
        });
        return out.toString();
    }

    private Family family(String name, String help, String type) {
        Family family = families.computeIfAbsent(name, n -> new Family(help, type, new ConcurrentHashMap<>()));
        if (!family.type().equals(type)) {
            throw new IllegalArgumentException(name + " is already a " + family.type());
        }
        return family;
    }

    private static String labelText(String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name/value pairs");
        }
        if (labels.length == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < labels.length; i += 2) {
            if (i > 0) {
                text.append(',');
            }
            text.append(labels[i]).append("=\"").append(labels[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return text.append('}').toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
