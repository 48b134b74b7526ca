package io.scraptrace.app.demo;

import io.scraptrace.broker.BrokerOptions;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.Service;
import io.scraptrace.core.auth.Authenticators;
import io.scraptrace.core.auth.TokenStore;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.core.metrics.Metrics;
import io.scraptrace.ingest.IngestService;
import io.scraptrace.simulator.plant.PlantSimulator;
import io.scraptrace.simulator.plant.PlantWorld;
import io.scraptrace.simulator.plant.SimulatorOptions;
import io.scraptrace.simulator.plant.SimulatorTokens;
import io.scraptrace.sorter.service.SorterService;
import io.scraptrace.streams.app.StreamsService;
import io.scraptrace.streams.dashboard.DashboardRoutes;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process: embedded broker, ingest, sorter, streams (with the query API
 * and dashboard on the same port) and optionally the plant simulator. Everything lives under one
 * data dir, so a second start on it continues where the first stopped.
 */
public final class Demo implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    private static final String STANDBY_REPLICAS = "streams.num.standby.replicas";

    private final DemoOptions options;
    /** Started services, in start order; stopped in reverse. */
    private final List<AutoCloseable> running = new ArrayList<>();
    private ScrapTraceConfig config;
    private ApiServer server;
    private Path tokensFile;
    private PlantSimulator simulator;
    private StreamsService streams;

    public Demo(DemoOptions options) {
        this.options = options;
    }

    @Override
    public synchronized void start() {
        Path dataDir = options.config().dataDir();
        try {
            EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("broker"), new BrokerOptions("127.0.0.1", options.kafkaPort(), "localhost"));
            running.add(kafka);
            // One streams instance cannot place a standby replica (Kafka Streams would warn for every task).
            config = options.config().with(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                    STANDBY_REPLICAS, options.config().get(STANDBY_REPLICAS, "0")));
            TopicCreator.ensureTopics(config);

            // The world the simulator will run (it dates licences in UTC), so every simulated site has a token.
            PlantWorld world = PlantWorld.create(options.sites(), options.seed(), true, LocalDate.now(ZoneOffset.UTC));
            tokensFile = config.tokensFile().orElseGet(() -> DemoTokens.ensure(dataDir, world));
            Metrics metrics = new Metrics();
            IngestService ingest = new IngestService(config, metrics);
            server = new ApiServer(config.httpHost(), config.httpPort(), ingest.settings().maxBodyBytes(), Authenticators.with(TokenStore.load(tokensFile), config), metrics, javalin -> { })
                    .register(ingest.routes())
                    .register(new DashboardRoutes())
                    .readiness("ingest", ingest::ready);
            streams = new StreamsService(config, server);
            SorterService sorter = new SorterService(config, metrics);
            server.readiness("sorter", sorter::ready);

            ingest.start();
            running.add(ingest);
            sorter.start();
            running.add(sorter);
            server.start();
            running.add(server::stop);
            streams.start();
            running.add(streams);
            if (options.simulator()) {
                SimulatorOptions simulation = SimulatorOptions.defaults(URI.create("http://127.0.0.1:" + server.port()), options.sites(),
                        options.rate(), Duration.ZERO, true, options.seed(), dataDir.resolve("ground-truth.jsonl"));
                simulator = new PlantSimulator(simulation, SimulatorTokens.load(tokensFile));
                simulator.start();
                running.add(simulator);
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        List<AutoCloseable> reverse = new ArrayList<>(running);
        Collections.reverse(reverse);
        for (AutoCloseable part : reverse) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}", part, e);
            }
        }
        running.clear();
    }

    @Override
    public boolean ready() {
        return streams != null && streams.ready();
    }

    /** The HTTP port of the API and dashboard. */
    public int httpPort() {
        return server.port();
    }

    /** Where clients reach the embedded broker. */
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /** The tokens file in force. */
    public Path tokensFile() {
        return tokensFile;
    }

    /** Lines showing a few tokens to try, only when the demo generated them (never a user's own file). */
    public List<String> consoleTokens() {
        return DemoTokens.console(config, tokensFile);
    }

    /** The running simulator, or null with {@code --no-simulator}. */
    public PlantSimulator simulator() {
        return simulator;
    }
}
