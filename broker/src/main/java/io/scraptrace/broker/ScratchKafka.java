package io.scraptrace.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Kafka for a one-off command such as a benchmark: the cluster the user named, or else an embedded
 * broker in a scratch directory. The scratch directory also holds the command's other local state
 * and is deleted on close.
 */
public final class ScratchKafka implements AutoCloseable {
    private final Path workDir;
    private final EmbeddedKafka embedded;
    private final String bootstrapServers;

    private ScratchKafka(Path workDir, EmbeddedKafka embedded, String bootstrapServers) {
        this.workDir = workDir;
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
    }

    /** Use {@code bootstrapServers}, or start an embedded broker when it is null. */
    public static ScratchKafka open(String bootstrapServers, String name) throws IOException {
        Path work = Files.createTempDirectory("scraptrace-" + name);
        if (bootstrapServers != null) {
            return new ScratchKafka(work, null, bootstrapServers);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"));
        return new ScratchKafka(work, kafka, kafka.bootstrapServers());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether the broker is the embedded one. */
    public boolean embedded() {
        return embedded != null;
    }

    /** A scratch directory for the command's own state, deleted on close. */
    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
        deleteTree(workDir);
    }

    /** Deletes {@code dir} and everything under it: scratch state of a command that ran its own broker. */
    public static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
