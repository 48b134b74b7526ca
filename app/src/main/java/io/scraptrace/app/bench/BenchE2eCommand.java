package io.scraptrace.app.bench;

import io.scraptrace.app.demo.Demo;
import io.scraptrace.app.demo.DemoOptions;
import io.scraptrace.broker.ScratchKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scraptrace bench e2e}: readings/s from HTTP ingest to the published regional aggregate,
 * with latency from ingest's acknowledgement to the aggregate update, at saturation and then at a
 * fixed offered load (half the saturation rate by default), next to the raw Kafka produce ->
 * consume rate of as many records of the same size on the same embedded broker.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "End-to-end readings/s and ack-to-aggregate latency (HTTP ingest -> sorter -> streams) vs the raw Kafka produce->consume rate.")
public final class BenchE2eCommand implements Callable<Integer> {
    private static final String SITE = "S-BENCH-E2E";
    private static final String TOKEN = "bench-e2e-plant";
    /** Unregistered sites aggregate under this region. */
    private static final String REGION = "UNKNOWN";
    private static final Duration SETTLE = Duration.ofMinutes(10);

    @Option(names = "--records", defaultValue = "60000", description = "Readings in the saturation run (default ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--batch", defaultValue = "500", description = "Readings per NDJSON request (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent HTTP clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--load", defaultValue = "0.5", description = "Fixed offered load as a fraction of the measured saturation rate (default ${DEFAULT-VALUE}).")
    double load;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("scraptrace-bench-e2e");
        Files.writeString(work.resolve("tokens.txt"), TOKEN + " plant " + SITE + "\n");
        // SCRAPTRACE_* variables tune the pipeline like they tune the services (e.g. SCRAPTRACE_STREAMS_COMMIT_INTERVAL_MS).
        ScrapTraceConfig config = ScrapTraceConfig.load(null, System.getenv(), Map.of(ScrapTraceConfig.DATA_DIR, work.toString(),
                ScrapTraceConfig.HTTP_PORT, "0", ScrapTraceConfig.HTTP_HOST, "127.0.0.1",
                ScrapTraceConfig.TOKENS_FILE, work.resolve("tokens.txt").toString(),
                "ingest.dedup.capacity", String.valueOf(4 * records)));
        Demo pipeline = new Demo(new DemoOptions(config, 0, false, 1, 1, 1));
        pipeline.start();
        try {
            ScrapTraceConfig running = config.with(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, pipeline.bootstrapServers()));
            HttpLoad plants = new HttpLoad(pipeline.httpPort(), TOKEN);
            try (AggregateWatcher watcher = new AggregateWatcher(running, REGION)) {
                System.out.printf("warm-up ...%n");
                run(plants, watcher, "warm", Math.max(batch * clients, records / 10), 0);
                Phase saturated = run(plants, watcher, "sat", records, 0);
                Phase fixed = run(plants, watcher, "fixed", (int) Math.max(batch, records * load), saturated.rate() * load);
                double raw = RawRoundTrip.measure(running, records, 220);

                System.out.printf("%nend to end, HTTP ingest -> sorter -> streams -> scrap.aggregates (%d clients, %d readings a request)%n", clients, batch);
                System.out.printf("  saturation:            %,8.0f readings/s   ack->aggregate %s%n", saturated.rate(), saturated.latency());
                System.out.printf("  offered %,6.0f/s (%.0f%%): %,8.0f readings/s   ack->aggregate %s%n", saturated.rate() * load, 100 * load, fixed.rate(), fixed.latency());
                System.out.printf("  raw Kafka produce->consume, same broker, %d x 220 B: %,8.0f records/s%n", records, raw);
                System.out.printf("  end to end / raw:      %.1f %%%n", 100 * saturated.rate() / raw);
                System.out.printf("  peak heap %d MiB, peak RSS %s (one process: broker, ingest, sorter, streams)%n", peakHeapMiB(), peakRss());
            }
        } finally {
            pipeline.stop();
            // The pipeline's broker and state live here; a benchmark leaves nothing behind.
            ScratchKafka.deleteTree(work);
        }
        return 0;
    }

    /** Rate and latency of one phase. */
    private record Phase(double rate, Percentiles latency) {
    }

    private Phase run(HttpLoad plants, AggregateWatcher watcher, String name, int count, double rate) throws Exception {
        long base = watcher.readings();
        List<byte[]> bodies = HttpLoad.bodies(name + "-" + System.nanoTime(), SITE, count, batch, name.hashCode());
        HttpLoad.Result result = plants.run(bodies, clients, rate, batch);
        long done = watcher.awaitReadings(base + count, SETTLE);
        long[] latencies = result.acks().stream()
                .mapToLong(ack -> watcher.firstAtLeast(base + ack.acknowledged()) - ack.nanos())
                .map(l -> Math.max(0, l)).toArray();
        return new Phase(count * 1e9 / (done - result.startNanos()), Percentiles.of(latencies));
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    /** VmHWM from /proc: the process's peak resident memory, native (PyTorch, RocksDB) included. */
    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring("VmHWM: ".length())).findFirst().orElse("n/a");
        } catch (Exception e) {
            return "n/a";
        }
    }
}
