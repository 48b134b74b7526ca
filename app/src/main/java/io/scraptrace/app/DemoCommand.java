package io.scraptrace.app;

import io.scraptrace.app.demo.Demo;
import io.scraptrace.app.demo.DemoOptions;
import io.scraptrace.core.cli.CommonOptions;
import io.scraptrace.core.config.ScrapTraceConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scraptrace demo}: the whole pipeline and a plant simulator in one process, no flags needed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Embedded broker, ingest, sorter, streams and a plant simulator in one process; dashboard on http://localhost:8080. Ctrl-C stops it; a second start on the same --data-dir continues.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--no-simulator", description = "Pipeline only, for clients that bring their own data.")
    boolean noSimulator;

    @Option(names = "--rate", defaultValue = "200", description = "Simulated readings per second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--sites", defaultValue = "12", description = "Simulated sites (default ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Port of the embedded broker, for kcat and friends (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the simulated world (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mqtt-url", description = "Also ingest from this MQTT broker, e.g. tcp://localhost:1883.")
    String mqttUrl;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        ScrapTraceConfig config = common.config(mqttUrl == null ? Map.of() : Map.of("ingest.mqtt.url", mqttUrl));
        Demo demo = new Demo(new DemoOptions(config, kafkaPort, !noSimulator, sites, rate, seed));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.stop();
            stopped.countDown();
        }, "demo-shutdown"));
        demo.start();
        System.out.printf("%nScrapTrace demo running (started in %.1f s)%n", (System.nanoTime() - started) / 1e9);
        System.out.printf("  dashboard and API: http://localhost:%d/%n", demo.httpPort());
        System.out.printf("  Kafka:             %s%n", demo.bootstrapServers());
        System.out.printf("  data dir:          %s%n", config.dataDir().toAbsolutePath());
        List<String> tokens = demo.consoleTokens();
        System.out.printf("  tokens (%s)%s%n", demo.tokensFile().toAbsolutePath(), tokens.isEmpty() ? ", not printed: your own file" : ":");
        tokens.forEach(line -> System.out.println("    " + line));
        System.out.println(noSimulator ? "  simulator: off" : "  simulator: " + sites + " sites, " + rate + " readings/s, anomalies on");
        System.out.println("Ctrl-C to stop.");
        stopped.await();
        return 0;
    }
}
