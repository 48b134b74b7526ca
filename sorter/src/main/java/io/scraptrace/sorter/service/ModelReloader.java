package io.scraptrace.sorter.service;

import io.scraptrace.sorter.model.ModelRepository;
import io.scraptrace.sorter.model.ModelSet;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload: watches a models root's {@code LATEST} file and loads the models it names when it
 * changes. The grading loop asks between transactions, so every batch is graded by exactly one
 * model version and nothing is lost or graded twice. A plain model directory or the classpath
 * default never changes (restart to switch; committed offsets make that lossless too).
 */
final class ModelReloader {
    private static final Logger LOG = LoggerFactory.getLogger(ModelReloader.class);

    private final Path path;
    private final long intervalNanos;
    private long nextCheck;
    private FileTime stamp;

    ModelReloader(Path path, Duration interval) {
        this.path = path;
        this.intervalNanos = interval.toNanos();
    }

    /** Load the current models. */
    ModelSet load() throws IOException {
        stamp = stamp();
        nextCheck = System.nanoTime() + intervalNanos;
        return ModelRepository.loadOrDefault(path);
    }

    /** New models if {@code LATEST} changed since the last load and they load; empty otherwise. */
    Optional<ModelSet> reloadIfChanged() {
        long now = System.nanoTime();
        if (path == null || now < nextCheck) {
            return Optional.empty();
        }
        nextCheck = now + intervalNanos;
        FileTime current = stamp();
        if (Objects.equals(current, stamp)) {
            return Optional.empty();
        }
        try {
            return Optional.of(load());
        } catch (IOException | RuntimeException e) {
            // Keep grading with the models we have; retry only when LATEST changes again.
            stamp = current;
            LOG.error("new models at {} do not load, keeping the current ones: {}", path, e.getMessage());
            return Optional.empty();
        }
    }

    private FileTime stamp() {
        return path == null ? null : ModelRepository.latestStamp(path).orElse(null);
    }
}
