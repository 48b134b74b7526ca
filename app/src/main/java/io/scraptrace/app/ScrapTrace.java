package io.scraptrace.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./scraptrace} launcher: one fat jar, one sub-command per role (CONTRACT section 1),
 * so a deployment runs the same image with a different command per service.
 */
@Command(name = "scraptrace", mixinStandardHelpOptions = true, version = "ScrapTrace 0.1.0",
        description = "Scrap traceability and sorting pipeline: ingest -> sorter -> streams -> query API.",
        subcommands = {
            BrokerCommand.class,
            TailCommand.class,
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
