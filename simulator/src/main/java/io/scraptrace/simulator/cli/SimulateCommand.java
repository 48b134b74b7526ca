package io.scraptrace.simulator.cli;

import io.scraptrace.core.cli.DurationConverter;
import io.scraptrace.simulator.plant.PlantSimulator;
import io.scraptrace.simulator.plant.SimulatorOptions;
import io.scraptrace.simulator.plant.SimulatorTokens;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scraptrace simulate}: the plant simulator as an HTTP client of a running ingest API. It
 * needs the tokens the server knows: a tokens file with a regulator token and a plant token per
 * simulated site (a demo writes such a file; ids follow {@code S-TKY-01}, {@code S-KNG-01}, ...).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate recycling sites posting readings, frames, site registrations and export declarations to the ingest API.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "Base URL of the ingest API (default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--sites", defaultValue = "8", description = "Number of sites (default ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--rate", defaultValue = "20", description = "Readings per second over all sites (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", defaultValue = "0", converter = DurationConverter.class,
            description = "How long to run, e.g. 60s or 5m; 0 runs until Ctrl-C (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--anomalies", description = "Plant every alert code of CONTRACT section 5 and write the ground truth.")
    boolean anomalies;

    @Option(names = "--anomaly-rate", defaultValue = "0.2", description = "Share of declarations with a planted alert code (default ${DEFAULT-VALUE}).")
    double anomalyRate;

    @Option(names = "--frame-rate", defaultValue = "0.05", description = "Share of readings sent with a camera frame (default ${DEFAULT-VALUE}).")
    double frameRate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated world (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tokens", paramLabel = "FILE", defaultValue = "${env:SCRAPTRACE_TOKENS_FILE}",
            description = "Tokens file ('TOKEN ROLE SCOPE' a line) with a regulator token and a plant token per site; default $SCRAPTRACE_TOKENS_FILE.")
    Path tokensFile;

    @Option(names = "--ground-truth", paramLabel = "FILE", description = "Write the expected alert codes of every declaration here (JSON lines).")
    Path groundTruth;

    @Override
    public Integer call() throws InterruptedException {
        if (tokensFile == null) {
            throw new ParameterException(spec.commandLine(), "--tokens FILE is required (or set SCRAPTRACE_TOKENS_FILE)");
        }
        SimulatorOptions options = SimulatorOptions.defaults(url, sites, rate, duration, anomalies, seed, groundTruth)
                .withRates(anomalyRate, frameRate);
        PlantSimulator simulator = new PlantSimulator(options, SimulatorTokens.load(tokensFile));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "simulator-shutdown"));
        spec.commandLine().getOut().printf("Simulating %d sites (%s) at %.1f readings/s against %s%n",
                simulator.world().sites().size(), String.join(", ", simulator.world().siteIds()), rate, url);
        simulator.start();
        simulator.awaitCompletion(Duration.ofMillis(Long.MAX_VALUE));
        spec.commandLine().getOut().println(simulator.counters());
        return 0;
    }
}
