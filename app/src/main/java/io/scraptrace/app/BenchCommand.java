package io.scraptrace.app;

import io.scraptrace.app.bench.BenchE2eCommand;
import io.scraptrace.ingest.bench.BenchIngestCommand;
import io.scraptrace.sorter.bench.BenchSorterCommand;
import io.scraptrace.streams.bench.BenchDeclarationCommand;
import io.scraptrace.streams.bench.BenchStreamsCommand;
import picocli.CommandLine.Command;

/** {@code scraptrace bench}: the benchmarks, each printing its figures next to a raw Kafka baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each prints records/s and latency next to a raw Kafka baseline from the same run.",
        subcommands = {
            BenchIngestCommand.class,
            BenchE2eCommand.class,
            BenchSorterCommand.class,
            BenchStreamsCommand.class,
            BenchDeclarationCommand.class,
        })
final class BenchCommand {
}
