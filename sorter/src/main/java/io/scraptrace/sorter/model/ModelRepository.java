package io.scraptrace.sorter.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds the models to grade with. A path is either one model directory (a sensor model used
 * alone) or a models root whose {@code LATEST} file names the current version of each kind;
 * with no path, the default model shipped on the classpath is used. Training updates
 * {@code LATEST} atomically after the new directory is complete, which is what hot reload watches.
 */
public final class ModelRepository {
    /** Classpath folder of the default models root shipped in the jar. */
    public static final String DEFAULT_RESOURCE = "/io/scraptrace/sorter/model/default/";

    private static Path extractedDefault;

    private ModelRepository() {
    }

    /** Load the models at {@code path} (model directory or models root). */
    public static ModelSet load(Path path) throws IOException {
        if (Files.exists(path.resolve(ModelFiles.MANIFEST))) {
            return new ModelSet(ModelStore.load(path), null);
        }
        Properties latest = readLatest(path);
        String sensor = latest.getProperty(ModelKind.SENSOR.id());
        if (sensor == null) {
            throw new IOException(path + " holds neither a model (" + ModelFiles.MANIFEST + ") nor a "
                    + ModelFiles.LATEST + " naming a sensor model");
        }
        String camera = latest.getProperty(ModelKind.CAMERA.id());
        GradeModel sensorModel = ModelStore.load(path.resolve(sensor));
        try {
            return new ModelSet(sensorModel, camera == null ? null : ModelStore.load(path.resolve(camera)));
        } catch (IOException | RuntimeException e) {
            sensorModel.close();
            throw e;
        }
    }

    /** The default models shipped on the classpath. */
    public static ModelSet loadDefault() throws IOException {
        return load(extractDefault());
    }

    /** {@code path}, or the default models when it is null. */
    public static ModelSet loadOrDefault(Path path) throws IOException {
        return path == null ? loadDefault() : load(path);
    }

    /** Point {@code root/LATEST} at {@code version} for its kind, keeping the other kind's entry. */
    public static void publish(Path root, ModelKind kind, String version) throws IOException {
        Properties latest = Files.exists(root.resolve(ModelFiles.LATEST)) ? readLatest(root) : new Properties();
        latest.setProperty(kind.id(), version);
        StringBuilder text = new StringBuilder();
        latest.stringPropertyNames().stream().sorted()
                .forEach(k -> text.append(k).append('=').append(latest.getProperty(k)).append('\n'));
        Path staging = Files.createTempFile(root, "." + ModelFiles.LATEST, ".tmp");
        Files.writeString(staging, text);
        ModelStore.readableByAll(staging);
        Files.move(staging, root.resolve(ModelFiles.LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Last change of what {@code path} points at; empty for a plain model directory (nothing to watch). */
    public static Optional<FileTime> latestStamp(Path path) {
        Path latest = path.resolve(ModelFiles.LATEST);
        try {
            return Files.exists(latest) ? Optional.of(Files.getLastModifiedTime(latest)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Properties readLatest(Path root) throws IOException {
        Properties latest = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve(ModelFiles.LATEST))) {
            latest.load(reader);
        }
        return latest;
    }

    /*
     * DJL loads weights from a directory, and the jar is not one: copy the few small files of the
     * default models into a temporary root once per process.
     */
    private static synchronized Path extractDefault() throws IOException {
        if (extractedDefault == null) {
            extractedDefault = extract();
        }
        return extractedDefault;
    }

    private static Path extract() throws IOException {
        String latestText = resourceText(DEFAULT_RESOURCE + ModelFiles.LATEST)
                .orElseThrow(() -> new IOException("no default model on the classpath at " + DEFAULT_RESOURCE));
        Path root = Files.createTempDirectory("scraptrace-default-model");
        root.toFile().deleteOnExit();
        Properties latest = new Properties();
        latest.load(new StringReader(latestText));
        for (ModelKind kind : ModelKind.values()) {
            String version = latest.getProperty(kind.id());
            if (version != null) {
                copyModel(kind, version, root);
            }
        }
        Files.writeString(root.resolve(ModelFiles.LATEST), latestText);
        root.resolve(ModelFiles.LATEST).toFile().deleteOnExit();
        return root;
    }

    private static void copyModel(ModelKind kind, String version, Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve(version));
        dir.toFile().deleteOnExit();
        for (String file : ModelFiles.all(kind)) {
            try (InputStream in = ModelRepository.class.getResourceAsStream(DEFAULT_RESOURCE + version + "/" + file)) {
                if (in != null) {
                    Path target = dir.resolve(file);
                    Files.copy(in, target);
                    target.toFile().deleteOnExit();
                }
            }
        }
    }

    private static Optional<String> resourceText(String name) {
        try (InputStream in = ModelRepository.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
