package io.scraptrace.app.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throw-away directory for an offline evaluation's Kafka Streams state. The test driver commits
 * after every record, writing and syncing checkpoint files each time, so thousands of simulated
 * readings are disk-bound; on Linux the directory is put on the {@value #TMPFS} memory file system,
 * where a sync costs nothing. Elsewhere it falls back to the default temporary directory.
 */
public final class ScratchState {
    /** Linux's POSIX shared-memory tmpfs. */
    static final String TMPFS = "/dev/shm";

    private ScratchState() {
    }

    /** A new, empty directory; the caller deletes it. */
    public static Path create(String prefix) {
        try {
            Path tmpfs = Path.of(TMPFS);
            return Files.isDirectory(tmpfs) && Files.isWritable(tmpfs) ? Files.createTempDirectory(tmpfs, prefix)
                    : Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory", e);
        }
    }
}
