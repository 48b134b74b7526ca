package io.scraptrace.streams.bench;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.avro.Site;
import io.scraptrace.benchtools.ThreadProfile;
import io.scraptrace.broker.ScratchKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.aggregates.AggregateWindow;
import io.scraptrace.streams.app.StreamsProperties;
import io.scraptrace.streams.app.StreamsTopology;
import io.scraptrace.streams.balance.BalanceTopology;
import io.scraptrace.streams.balance.SiteBalance;
import io.scraptrace.streams.lineage.LineageTopology;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scraptrace bench streams}: graded records per second through the complete streams
 * topology (views and alerts, exactly-once) on a real broker, next to the raw consume rate of the
 * same topic measured in the same run. The topology counts as done with a record once both the
 * regional aggregates and the site balances (the two repartitioned ends) include it. A second run
 * of the lineage register alone shows the ceiling that keeping every reading under exactly-once sets.
 * Rates and the stream threads' CPU per record are also given for the steady state (after the JIT's
 * warm-up, before the drain), which {@code --profile} records with JDK Flight Recorder; the full
 * run's local state and changelogs are measured and scaled to a million records.
 */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Measure graded records/s through the full streams topology against the raw consume rate of the same topic.")
public final class BenchStreamsCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** The steady state ends here, before the drain of the last records. */
    private static final int STEADY_END_PERCENT = 90;
    private static final Duration MARK_POLL = Duration.ofMillis(50);
    // CPU time tells the cost per record apart from waiting, and is less distorted by other load on the machine.
    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Spec
    CommandSpec spec;

    @Option(names = "--records", defaultValue = "200000", description = "Graded records to push through (default ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--lots", defaultValue = "2000", description = "Lots the records are spread over (default ${DEFAULT-VALUE}).")
    int lots;

    @Option(names = "--sites", defaultValue = "20", description = "Registered sites (default ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--warmup", defaultValue = "40", paramLabel = "PERCENT",
            description = "Share of the records processed before the steady state is measured, up to 90 %% (default ${DEFAULT-VALUE}).")
    int warmupPercent;

    @Option(names = "--profile", paramLabel = "FILE.jfr",
            description = "Record a JFR profile of the steady state of each run (the lineage-only one to FILE-lineage.jfr) and print the stream threads' top frames.")
    Path profile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Use this cluster instead of starting an embedded broker.")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        if (warmupPercent < 0 || warmupPercent >= STEADY_END_PERCENT) {
            throw new ParameterException(spec.commandLine(), "--warmup must be 0-" + (STEADY_END_PERCENT - 1) + ": " + warmupPercent);
        }
        try (ScratchKafka kafka = ScratchKafka.open(bootstrapServers, "bench-streams")) {
            String bootstrap = kafka.bootstrapServers();
            Path work = kafka.workDir();
            // A fresh prefix per run: repeated runs on one cluster never read each other's records.
            String run = "bench-" + System.currentTimeMillis();
            // SCRAPTRACE_STREAMS_* variables tune the run like they tune the service (e.g. SCRAPTRACE_STREAMS_COMMIT_INTERVAL_MS).
            ScrapTraceConfig config = ScrapTraceConfig.load(null, System.getenv(), Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, bootstrap,
                    ScrapTraceConfig.TOPIC_PREFIX, run + ".", ScrapTraceConfig.DATA_DIR, work.resolve("data").toString()));
            TopicCreator.ensureTopics(config);
            // Readings are 100 ms apart in measurement time and must all lie in the past, however many there are.
            Duration span = Duration.ofMillis(100L * records).plus(Duration.ofHours(1));
            SyntheticGraded generator = new SyntheticGraded(42, sites, lots, Instant.now().minus(span.compareTo(Duration.ofDays(1)) > 0 ? span : Duration.ofDays(1)));
            double produceRate = produce(config, generator);
            Rate raw = rawConsume(config);
            Result topology = runTopology(config, run, StreamsTopology.build(config), BenchStreamsCommand::countedReadings, profile);
            StateGrowth growth;
            try (Admin admin = Admin.create(KafkaClients.admin(config))) {
                growth = StateGrowth.measure(stateDir(config), run, admin, config.topics().graded.name());
            }
            AtomicLong registered = new AtomicLong();
            Result lineage = runTopology(config, run + "-lineage", lineageOnly(config, registered), streams -> registered.get(),
                    profile == null ? null : lineageProfile(profile));
            System.out.printf("records                 %,d graded (%d lots, %d sites, %d stream thread(s)); steady state from %d %% to %d %% of them%n",
                    records, lots, sites, threads, warmupPercent, STEADY_END_PERCENT);
            System.out.printf("produce (acks=all)      %,.0f records/s%n", produceRate);
            System.out.printf("raw consume             %,.0f records/s%n", raw.perSecond());
            System.out.printf("full topology           %,.0f records/s steady (%,.0f from RUNNING, %,.0f including %.1f s start-up)%n",
                    topology.steadyRate(), topology.rate(), topology.rateWithStartup(), topology.startupSeconds());
            System.out.printf("lineage only            %,.0f records/s steady (%,.0f from RUNNING; one exactly-once logged store write per reading, nothing else)%n",
                    lineage.steadyRate(), lineage.rate());
            System.out.printf("full / lineage only     %.1f %% steady (full / raw consume %.1f %%, lineage only / raw consume %.1f %%, from RUNNING)%n",
                    100.0 * topology.steadyRate() / lineage.steadyRate(), 100.0 * topology.rate() / raw.perSecond(),
                    100.0 * lineage.rate() / raw.perSecond());
            System.out.printf("CPU per record          raw consume %.1f µs, lineage only %.1f µs, full topology %.1f µs (whole process from RUNNING: broker and clients, all cores)%n",
                    raw.cpuMicrosPerRecord(), lineage.cpuMicrosPerRecord(), topology.cpuMicrosPerRecord());
            System.out.printf("stream threads' CPU     steady: lineage only %.1f µs, full topology %.1f µs per record (from RUNNING: %.1f / %.1f µs)%n",
                    lineage.steadyStreamThreadMicros(), topology.steadyStreamThreadMicros(), lineage.streamThreadMicrosPerRecord(),
                    topology.streamThreadMicrosPerRecord());
            growth.print(System.out, records);
            if (profile != null) {
                Predicate<String> streamThread = name -> name.contains("-StreamThread-");
                topology.profile().print(System.out, "full topology profile (steady state)", "stream thread(s)", streamThread);
                lineage.profile().print(System.out, "lineage only profile (steady state)", "stream thread(s)", streamThread);
            }
            return 0;
        }
    }

    private double produce(ScrapTraceConfig config, SyntheticGraded generator) throws Exception {
        Topics topics = config.topics();
        try (KafkaProducer<String, Site> producer = producer(config, topics.sites)) {
            for (Site site : generator.sites()) {
                producer.send(new ProducerRecord<>(topics.sites.name(), site.getSiteId(), site));
            }
        }
        try (KafkaProducer<String, GradedReading> producer = producer(config, topics.graded)) {
            long started = System.nanoTime();
            for (long i = 0; i < records; i++) {
                GradedReading reading = generator.reading(i);
                producer.send(new ProducerRecord<>(topics.graded.name(), reading.getLotId(), reading));
            }
            producer.flush();
            return records / seconds(started);
        }
    }

    private record Rate(double perSecond, double cpuMicrosPerRecord) {
    }

    private Rate rawConsume(ScrapTraceConfig config) {
        Properties props = KafkaClients.consumer(config, null);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            String topic = config.topics().graded.name();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long started = System.nanoTime();
            long cpuAtStart = PROCESS.getProcessCpuTime();
            long seen = 0;
            while (seen < records) {
                seen += consumer.poll(Duration.ofMillis(500)).count();
                if (seconds(started) > TIMEOUT.toSeconds()) {
                    throw new IllegalStateException("raw consume saw only " + seen + " records");
                }
            }
            return new Rate(records / seconds(started), (PROCESS.getProcessCpuTime() - cpuAtStart) / 1e3 / records);
        }
    }

    /**
     * @param steadyRate               records/s between the warm-up mark and {@value #STEADY_END_PERCENT} % of the records
     * @param steadyStreamThreadMicros stream threads' CPU per record between the same marks
     * @param profile                  the steady state's profile, when one was asked for
     */
    private record Result(double rate, double steadyRate, double rateWithStartup, double startupSeconds, double cpuMicrosPerRecord,
                          double streamThreadMicrosPerRecord, double steadyStreamThreadMicros, ThreadProfile profile) {
    }

    /**
     * The least any topology does that keeps the lineage (item 5): decode each reading and write
     * it to a changelogged store under exactly-once. It bounds what the full topology can reach.
     */
    private static Topology lineageOnly(ScrapTraceConfig config, AtomicLong registered) {
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, GradedReading> graded = config.topics().graded;
        LineageTopology.register(builder, builder.stream(graded.name(), Consumed.with(graded.keySerde(), graded.valueSerde())))
                .foreach((lot, reading) -> registered.incrementAndGet());
        return builder.build();
    }

    private Result runTopology(ScrapTraceConfig config, String run, Topology topology, ToLongFunction<KafkaStreams> done, Path profileFile)
            throws Exception {
        Properties props = StreamsProperties.of(config, new HostInfo("127.0.0.1", 1));
        props.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, run);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        // One instance: a standby could never be placed.
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        CountDownLatch running = new CountDownLatch(1);
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
            });
            long started = System.nanoTime();
            streams.start();
            if (!running.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("streams did not reach RUNNING");
            }
            long runningAt = System.nanoTime();
            long cpuAtRunning = PROCESS.getProcessCpuTime();
            long threadCpuAtRunning = streamThreadsCpuNanos(run);
            // The steady state leaves out the JIT's busiest start and the drain at the end; the counted
            // figures lag what the source has processed by about the same at both marks.
            long[] markAt = new long[2];
            long[] countedAt = new long[2];
            long[] threadCpuAt = new long[2];
            long[] markCounts = {records * (long) warmupPercent / 100, records * (long) STEADY_END_PERCENT / 100};
            ThreadProfile profiler = null;
            for (long counted = done.applyAsLong(streams); counted < records; counted = done.applyAsLong(streams)) {
                if (seconds(started) > TIMEOUT.toSeconds()) {
                    throw new IllegalStateException(run + " counted only " + counted + " of " + records);
                }
                for (int m = 0; m < 2; m++) {
                    if (markAt[m] == 0 && counted >= markCounts[m]) {
                        markAt[m] = System.nanoTime();
                        countedAt[m] = counted;
                        threadCpuAt[m] = streamThreadsCpuNanos(run);
                        if (profileFile != null && m == 0) {
                            profiler = ThreadProfile.start(profileFile);
                        } else if (profiler != null && m == 1) {
                            profiler.stop();
                        }
                    }
                }
                Thread.sleep(MARK_POLL.toMillis());
            }
            long threadCpu = streamThreadsCpuNanos(run) - threadCpuAtRunning;
            if (markAt[1] == 0 || countedAt[1] <= countedAt[0]) {
                throw new IllegalStateException(run + " ran too briefly to measure a steady state: use more --records");
            }
            long steadyRecords = countedAt[1] - countedAt[0];
            return new Result(records / seconds(runningAt), steadyRecords * 1e9 / (markAt[1] - markAt[0]), records / seconds(started),
                    (runningAt - started) / 1e9, (PROCESS.getProcessCpuTime() - cpuAtRunning) / 1e3 / records, threadCpu / 1e3 / records,
                    (threadCpuAt[1] - threadCpuAt[0]) / 1e3 / steadyRecords, profiler);
        }
    }

    /** Where the lineage-only run's profile goes, beside the full topology's. */
    private static Path lineageProfile(Path profile) {
        String name = profile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return profile.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "-lineage" + (dot < 0 ? "" : name.substring(dot)));
    }

    private static Path stateDir(ScrapTraceConfig config) {
        return Path.of(StreamsProperties.of(config, new HostInfo("127.0.0.1", 1)).getProperty(StreamsConfig.STATE_DIR_CONFIG));
    }

    /**
     * CPU time of the application's stream threads so far: the topology's own cost, apart from the
     * broker, the JIT and the collector that share the process (and steadier than the rate on a
     * busy machine).
     */
    private static long streamThreadsCpuNanos(String applicationId) {
        // Kafka Streams names its threads <client id>-StreamThread-<n>; the client id starts with the application id.
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(applicationId + "-") && t.getName().contains("-StreamThread-"))
                .mapToLong(t -> THREADS.getThreadCpuTime(t.getId())).filter(nanos -> nanos > 0).sum();
    }

    /** Readings counted at both repartitioned ends of the views: the smaller of the two. */
    private static long countedReadings(KafkaStreams streams) {
        try {
            long aggregated = 0;
            try (KeyValueIterator<String, RegionAggregate> it = streams.store(StoreQueryParameters.fromNameAndType(
                    AggregateWindow.ALL.storeName(), QueryableStoreTypes.<String, RegionAggregate>keyValueStore())).all()) {
                while (it.hasNext()) {
                    aggregated += it.next().value.getReadings();
                }
            }
            long balanced = 0;
            try (KeyValueIterator<String, SiteBalance> it = streams.store(StoreQueryParameters.fromNameAndType(
                    BalanceTopology.STORE, QueryableStoreTypes.<String, SiteBalance>keyValueStore())).all()) {
                while (it.hasNext()) {
                    balanced += it.next().value.readings();
                }
            }
            return Math.min(aggregated, balanced);
        } catch (InvalidStateStoreException e) {
            return 0;
        }
    }

    private static <V> KafkaProducer<String, V> producer(ScrapTraceConfig config, Topic<String, V> topic) {
        return new KafkaProducer<>(KafkaClients.producer(config, "bench-streams"), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
