package io.scraptrace.sorter.cli;

import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.sorter.training.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where labelled data comes from, shared by {@code train} and {@code evaluate} (a picocli mixin). */
public final class DataOptions {
    /** The value of --data that selects generated specimens. */
    static final String SYNTHETIC = "synthetic";

    @Option(names = "--data", defaultValue = SYNTHETIC, paramLabel = "synthetic|FILE.csv|DIR",
            description = "'synthetic' (specimens: pieces and frames drawn from the grade catalogue), a labelled CSV (sensor model: one reading a row, "
                    + "'grade' column) or an image folder (camera model: one sub-folder per grade). Default ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--samples", defaultValue = "20000", description = "Synthetic pieces to generate (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--stations", defaultValue = "all", paramLabel = "all|analysers",
            description = "Synthetic sensor mix: every station type as on a real line, or composition analysers only (default ${DEFAULT-VALUE}).")
    String stations;

    @Option(names = "--mislabelled", defaultValue = "" + SyntheticData.DEFAULT_MISLABELLED,
            description = "Share of synthetic pieces given a neighbouring grade's label (default ${DEFAULT-VALUE}).")
    double mislabelled;

    @Option(names = "--contaminated", defaultValue = "" + SyntheticData.DEFAULT_CONTAMINATED,
            description = "Share of synthetic pieces carrying foreign material (default ${DEFAULT-VALUE}).")
    double contaminated;

    boolean synthetic() {
        return SYNTHETIC.equals(data);
    }

    boolean imageFolder() {
        return !synthetic() && Files.isDirectory(Path.of(data));
    }

    Path path() {
        return Path.of(data);
    }

    SyntheticData generate(long seed) {
        if (!stations.equals("all") && !stations.equals("analysers")) {
            throw new IllegalArgumentException("--stations must be 'all' or 'analysers', not " + stations);
        }
        return SyntheticData.generate(samples, seed, stations.equals("all"), new CorruptionRates(mislabelled, contaminated));
    }
}
