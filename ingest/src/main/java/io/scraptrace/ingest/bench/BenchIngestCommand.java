package io.scraptrace.ingest.bench;

import io.scraptrace.avro.Reading;
import io.scraptrace.benchtools.ThreadCpu;
import io.scraptrace.benchtools.ThreadProfile;
import io.scraptrace.broker.ScratchKafka;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.auth.TokenStore;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.ingest.IngestServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scraptrace bench ingest}: readings per second accepted over HTTP (NDJSON batches from
 * several concurrent clients, each request committed to Kafka before its 202) next to the rate of
 * one raw KafkaProducer sending the same records (acks=all, idempotent), measured in the same run
 * against the same broker. Both get a warm-up pass first so neither pays for JIT compilation.
 * {@code --profile} records the measured HTTP run with JDK Flight Recorder and prints where the
 * request threads spent their time.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Measure readings/s accepted by HTTP ingest against the raw Kafka producer rate of the same records.")
public final class BenchIngestCommand implements Callable<Integer> {
    private static final String SITE = "S-BENCH-01";
    /** Javalin's Jetty names its request threads so. */
    private static final Predicate<String> REQUEST_THREAD = name -> name.startsWith("JettyServerThreadPool-");

    @Option(names = "--records", defaultValue = "200000", description = "Readings per measured run (default ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent HTTP clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--batch", defaultValue = "1000", description = "Readings per NDJSON request (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--producers", defaultValue = "4", description = "Ingest's transactional producers, ingest.producers (default ${DEFAULT-VALUE}).")
    int producers;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Use this cluster instead of starting an embedded broker.")
    String bootstrapServers;

    @Option(names = "--profile", paramLabel = "FILE.jfr",
            description = "Record a JFR profile of the measured HTTP run and print the request threads' top frames.")
    Path profile;

    @Override
    public Integer call() throws Exception {
        try (ScratchKafka kafka = ScratchKafka.open(bootstrapServers, "bench-ingest")) {
            String bootstrap = kafka.bootstrapServers();
            // Fresh prefixes per run: repeated runs on one cluster never mix their records.
            String run = "bench-" + System.currentTimeMillis();
            ScrapTraceConfig raw = config(bootstrap, run + "-raw.", Map.of());
            ScrapTraceConfig ingest = config(bootstrap, run + "-ingest.", Map.of("ingest.producers", String.valueOf(producers),
                    "ingest.dedup.capacity", String.valueOf(2 * records)));
            TopicCreator.ensureTopics(raw);
            BenchReadings generator = new BenchReadings(SITE, 42);
            List<Reading> warmUp = generator.generate("warm", Math.max(records / 10, batch));
            List<Reading> measured = generator.generate("bench", records);

            Measurement rawTime = RawProducerRun.run(raw, raw.topics().readings, warmUp, measured);

            String token = "bench-" + UUID.randomUUID();
            TokenStore tokens = TokenStore.of(Map.of(token, new Principal("bench", Role.PLANT, Set.of(SITE))));
            HttpIngestRun.Result http;
            ThreadProfile profiler;
            long requestThreadsCpu;
            try (IngestServer server = IngestServer.start(ingest, tokens)) {
                String url = "http://127.0.0.1:" + server.port() + "/v1/readings";
                HttpIngestRun.run(url, token, BenchReadings.ndjsonBodies(warmUp, batch), clients);
                List<byte[]> bodies = BenchReadings.ndjsonBodies(measured, batch);
                profiler = profile == null ? null : ThreadProfile.start(profile);
                requestThreadsCpu = ThreadCpu.nanos(REQUEST_THREAD);
                http = HttpIngestRun.run(url, token, bodies, clients);
                requestThreadsCpu = ThreadCpu.nanos(REQUEST_THREAD) - requestThreadsCpu;
                if (profiler != null) {
                    profiler.stop();
                }
            }
            if (http.accepted() != records) {
                throw new IllegalStateException("ingest accepted " + http.accepted() + " of " + records + " readings");
            }
            print(bootstrap, kafka.embedded(), rawTime, http, requestThreadsCpu);
            if (profiler != null) {
                profiler.print(System.out, "HTTP ingest profile (measured run)", "request threads", REQUEST_THREAD);
            }
            return 0;
        }
    }

    private void print(String bootstrap, boolean embedded, Measurement raw, HttpIngestRun.Result http, long requestThreadsCpu) {
        double rawRate = raw.perSecond(records);
        double httpRate = http.time().perSecond(records);
        System.out.printf("workload            %,d readings, %d clients, NDJSON batches of %d, %d ingest producers, broker %s%s%n",
                records, clients, batch, producers, bootstrap, embedded ? " (embedded)" : "");
        System.out.printf("raw producer        %,.0f records/s, %.1f us CPU/record (acks=all, idempotent, Avro encoding included)%n",
                rawRate, raw.cpuMicrosPer(records));
        System.out.printf("HTTP ingest         %,.0f records/s, %.1f us CPU/record (parse, validate, transaction per request, 202 after commit)%n",
                httpRate, http.time().cpuMicrosPer(records));
        System.out.printf("request threads     %.1f us CPU/record (ingest's own work alone: parse, validate, encode, publish)%n",
                requestThreadsCpu / 1e3 / records);
        System.out.printf("request latency     p50 %.1f ms, p99 %.1f ms (%d readings per request)%n",
                http.latencies().percentileMillis(50), http.latencies().percentileMillis(99), batch);
        System.out.printf("ingest / raw        %.1f %% (goal >= 50 %%); by CPU per record %.1f %%%n",
                100 * httpRate / rawRate, 100 * raw.cpuMicrosPer(records) / http.time().cpuMicrosPer(records));
        System.out.printf("peak heap           %,d MiB (all services of this JVM, broker included when embedded)%n", peakHeapBytes() >> 20);
    }

    private static ScrapTraceConfig config(String bootstrap, String prefix, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put(ScrapTraceConfig.BOOTSTRAP_SERVERS, bootstrap);
        settings.put(ScrapTraceConfig.TOPIC_PREFIX, prefix);
        settings.put(ScrapTraceConfig.HTTP_HOST, "127.0.0.1");
        settings.put(ScrapTraceConfig.HTTP_PORT, "0");
        return ScrapTraceConfig.of(settings);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }
}
