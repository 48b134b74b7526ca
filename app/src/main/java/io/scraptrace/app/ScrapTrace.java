package io.scraptrace.app;

import io.scraptrace.ingest.cli.IngestCommand;
import io.scraptrace.simulator.cli.SimulateCommand;
import io.scraptrace.sorter.cli.EvaluateCommand;
import io.scraptrace.sorter.cli.SorterCommand;
import io.scraptrace.sorter.cli.TrainCommand;
import io.scraptrace.streams.cli.StreamsCommand;
import io.scraptrace.streams.passports.VerifyLotCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./scraptrace} launcher: one fat jar, one sub-command per role (CONTRACT section 1),
 * so a deployment runs the same image with a different command per service.
 */
@Command(name = "scraptrace", mixinStandardHelpOptions = true, version = "ScrapTrace 0.1.0",
        description = "Scrap traceability and sorting pipeline: ingest -> sorter -> streams -> query API.",
        subcommands = {
            DemoCommand.class,
            BrokerCommand.class,
            IngestCommand.class,
            StreamsCommand.class,
            SorterCommand.class,
            SimulateCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            EvaluateAlertsCommand.class,
            EvaluateLotsCommand.class,
            TailCommand.class,
            VerifyLotCommand.class,
            BenchCommand.class,
        })
public final class ScrapTrace {
    private ScrapTrace() {
    }

    public static void main(String[] args) {
        int code = new CommandLine(new ScrapTrace()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
