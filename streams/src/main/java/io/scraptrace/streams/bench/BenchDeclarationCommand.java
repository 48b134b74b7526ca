package io.scraptrace.streams.bench;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.Site;
import io.scraptrace.broker.ScratchKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.alerts.AlertsTopology;
import io.scraptrace.streams.app.StreamsProperties;
import io.scraptrace.streams.app.StreamsTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scraptrace bench declaration}: what one export declaration of many lots costs the alert
 * ledgers, on the full streams topology and a real broker. The declaration is accepted before any
 * of its lots is graded, so every lot's first reading sends one lot answer to the waiting
 * declaration: the case that made state rewrites grow with the declaration's size. A warm-up of
 * the same shape (a fifth of the lots declared) comes first, so the JIT has compiled both paths;
 * then the same number of readings of lots no declaration lists, in the same application, is the
 * baseline; the difference per lot is what a lot answer costs. The alert stores' changelog bytes
 * on the broker (the warm-up's included) are printed per store.
 */
@Command(name = "declaration", mixinStandardHelpOptions = true,
        description = "Measure what one export declaration of many lots costs the alert ledgers (time and changelog bytes per lot answer).")
public final class BenchDeclarationCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String DECLARATION_ID = "D-BENCH-1";
    private static final String WARM_UP_ID = "D-BENCH-WARM-UP";

    @Option(names = "--lots", defaultValue = "5000", description = "Lots the declaration lists, one reading each (default ${DEFAULT-VALUE}).")
    int lots;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Use this cluster instead of starting an embedded broker.")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        try (ScratchKafka kafka = ScratchKafka.open(bootstrapServers, "bench-declaration")) {
            String run = "bench-decl-" + System.currentTimeMillis();
            ScrapTraceConfig config = ScrapTraceConfig.load(null, System.getenv(), Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS,
                    kafka.bootstrapServers(), ScrapTraceConfig.TOPIC_PREFIX, run + ".",
                    ScrapTraceConfig.DATA_DIR, kafka.workDir().resolve("data").toString()));
            TopicCreator.ensureTopics(config);
            Topics topics = config.topics();
            SyntheticGraded generator = new SyntheticGraded(42, 1, lots, Instant.now().minus(Duration.ofDays(1)));
            Site site = generator.sites().get(0);
            try (KafkaProducer<String, Site> producer = BenchStreamsCommand.producer(config, topics.sites)) {
                producer.send(new ProducerRecord<>(topics.sites.name(), site.getSiteId(), site)).get();
            }
            Properties props = StreamsProperties.of(config, new HostInfo("127.0.0.1", 1));
            props.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, run);
            props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Phase baseline;
            Phase declared;
            try (KafkaStreams streams = new KafkaStreams(StreamsTopology.build(config), props);
                 KafkaProducer<String, GradedReading> graded = BenchStreamsCommand.producer(config, topics.graded)) {
                streams.setUncaughtExceptionHandler(e -> {
                    failure.set(e);
                    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
                streams.start();
                await(streams, failure, "RUNNING", () -> streams.state() == KafkaStreams.State.RUNNING);
                List<GradedReading> warmUp = new ArrayList<>();
                List<GradedReading> unclaimed = new ArrayList<>();
                List<GradedReading> listed = new ArrayList<>();
                for (int i = 0; i < lots; i++) {
                    warmUp.add(generator.reading(i, "BW-" + i, site));
                    unclaimed.add(generator.reading(lots + i, "BU-" + i, site));
                    listed.add(generator.reading(2L * lots + i, "BD-" + i, site));
                }
                try (KafkaProducer<String, ExportDeclaration> exports = BenchStreamsCommand.producer(config, topics.exports)) {
                    declare(streams, failure, exports, topics, declaration(WARM_UP_ID, site, warmUp.subList(0, Math.max(1, lots / 5))));
                    measure(streams, run, failure, "warm-up", () -> send(graded, topics, warmUp),
                            () -> BenchStreamsCommand.countedReadings(streams) >= lots && judged(streams, WARM_UP_ID));
                    baseline = measure(streams, run, failure, "unclaimed lots graded", () -> send(graded, topics, unclaimed),
                            () -> BenchStreamsCommand.countedReadings(streams) >= 2L * lots);
                    declare(streams, failure, exports, topics, declaration(DECLARATION_ID, site, listed));
                }
                declared = measure(streams, run, failure, "declared lots graded and the declaration judged", () -> send(graded, topics, listed),
                        () -> BenchStreamsCommand.countedReadings(streams) >= 3L * lots && judged(streams, DECLARATION_ID));
            }
            StateGrowth growth;
            try (Admin admin = Admin.create(KafkaClients.admin(config))) {
                growth = StateGrowth.measure(BenchStreamsCommand.stateDir(config), run, admin, topics.graded.name());
            }
            System.out.printf("declaration             %s listing %,d lots, declared before any of them was graded; one reading per lot%n",
                    DECLARATION_ID, lots);
            baseline.print(lots);
            declared.print(lots);
            System.out.printf("per lot answer          %.1f ms wall, %.1f µs stream-thread CPU (declared minus unclaimed, per lot)%n",
                    (declared.wallNanos() - baseline.wallNanos()) / 1e6 / lots, (declared.cpuNanos() - baseline.cpuNanos()) / 1e3 / lots);
            long alertBytes = 0;
            System.out.printf("alert stores' changelogs (bytes on the broker, one replica, before compaction):%n");
            for (Map.Entry<String, Long> store : growth.changelogBytesByStore().entrySet()) {
                if (store.getKey().startsWith("alerts-")) {
                    alertBytes += store.getValue();
                    System.out.printf("  %-40s %,14d bytes%n", store.getKey(), store.getValue());
                }
            }
            System.out.printf("  %-40s %,14d bytes (%,.0f per declared lot)%n", "all alert stores", alertBytes, (double) alertBytes / lots);
            return 0;
        }
    }

    /** Wall and stream-thread CPU time of one phase. */
    private record Phase(String name, long wallNanos, long cpuNanos) {
        void print(int lots) {
            System.out.printf("%-23s %,.0f ms wall, %,.0f ms stream-thread CPU (%.1f µs per lot)%n", name, wallNanos / 1e6, cpuNanos / 1e6,
                    cpuNanos / 1e3 / lots);
        }
    }

    private static Phase measure(KafkaStreams streams, String run, AtomicReference<Throwable> failure, String name, Runnable action,
                                 BooleanSupplier done) throws InterruptedException {
        long started = System.nanoTime();
        long cpuAtStart = BenchStreamsCommand.streamThreadsCpuNanos(run);
        action.run();
        await(streams, failure, name, done);
        return new Phase(name, System.nanoTime() - started, BenchStreamsCommand.streamThreadsCpuNanos(run) - cpuAtStart);
    }

    private static void await(KafkaStreams streams, AtomicReference<Throwable> failure, String what, BooleanSupplier done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (failure.get() != null || streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("streams stopped before " + what + ": " + failure.get(), failure.get());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + TIMEOUT);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Sends {@code declaration} and waits until streams holds it (PENDING). */
    private static void declare(KafkaStreams streams, AtomicReference<Throwable> failure, KafkaProducer<String, ExportDeclaration> exports,
                                Topics topics, ExportDeclaration declaration) throws Exception {
        exports.send(new ProducerRecord<>(topics.exports.name(), declaration.getDeclarationId(), declaration)).get();
        await(streams, failure, declaration.getDeclarationId() + " PENDING", () -> alert(streams, declaration.getDeclarationId()) != null);
    }

    private static boolean judged(KafkaStreams streams, String declarationId) {
        Alert alert = alert(streams, declarationId);
        return alert != null && "JUDGED".equals(alert.getStatus());
    }

    private static void send(KafkaProducer<String, GradedReading> producer, Topics topics, List<GradedReading> readings) {
        readings.forEach(reading -> producer.send(new ProducerRecord<>(topics.graded.name(), reading.getLotId(), reading)));
        producer.flush();
    }

    private static ExportDeclaration declaration(String declarationId, Site site, List<GradedReading> readings) {
        double kg = readings.stream().mapToDouble(GradedReading::getMassKg).sum();
        return ExportDeclaration.newBuilder().setDeclarationId(declarationId).setExporterId("EXP-BENCH").setSiteId(site.getSiteId())
                .setPort("JP-14").setHsCode("7204.49").setDeclaredMaterial(Material.FERROUS).setDeclaredGrade(null).setMassKg(kg)
                .setValueJpy(40 * kg).setDestination("KR").setLotIds(readings.stream().map(GradedReading::getLotId).toList())
                .setTimestamp(Instant.now()).build();
    }

    private static Alert alert(KafkaStreams streams, String declarationId) {
        try {
            ReadOnlyKeyValueStore<String, Alert> store = streams.store(StoreQueryParameters.fromNameAndType(AlertsTopology.ALERTS_STORE,
                    QueryableStoreTypes.keyValueStore()));
            return store.get(declarationId);
        } catch (InvalidStateStoreException e) {
            return null;
        }
    }
}
