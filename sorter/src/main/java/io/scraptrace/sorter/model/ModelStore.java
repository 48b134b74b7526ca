package io.scraptrace.sorter.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import com.fasterxml.jackson.core.type.TypeReference;
import io.scraptrace.sorter.engine.OfflineEngine;
import io.scraptrace.sorter.features.Normalisation;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads and writes versioned model directories: weights (DJL's {@code .params}), manifest,
 * labels, normalisation, metrics and model card. A directory is written under a temporary name
 * and renamed into place, so a service watching the models root never sees half a model.
 */
public final class ModelStore {
    private ModelStore() {
    }

    /**
     * Short fingerprint of a trained block's parameters; part of the version so two runs that
     * produce the same weights get the same version.
     */
    public static String fingerprint(Block block) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(bytes));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * Write {@code model} as {@code root/<version>/} with its metrics and card; returns the
     * directory. An existing directory of the same version is replaced.
     */
    public static Path save(GradeModel model, Object metrics, String card, Path root) throws IOException {
        Files.createDirectories(root);
        Path target = root.resolve(model.version());
        Path staging = Files.createTempDirectory(root, "." + model.version() + "-");
        ModelKind kind = model.kind();
        model.djlModel().save(staging, kind.id());
        ModelFiles.JSON.writeValue(staging.resolve(ModelFiles.MANIFEST).toFile(), model.manifest());
        ModelFiles.JSON.writeValue(staging.resolve(ModelFiles.LABELS).toFile(), model.labels());
        if (model.normalisation() != null) {
            ModelFiles.JSON.writeValue(staging.resolve(ModelFiles.NORMALISATION).toFile(), model.normalisation());
        }
        ModelFiles.JSON.writeValue(staging.resolve(ModelFiles.METRICS).toFile(), metrics);
        Files.writeString(staging.resolve(ModelFiles.CARD), card);
        deleteModelDir(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        readableByAll(target);
        return target;
    }

    /** Load the model in {@code dir} (a directory written by {@link #save}). */
    public static GradeModel load(Path dir) throws IOException {
        ModelManifest manifest = ModelFiles.JSON.readValue(dir.resolve(ModelFiles.MANIFEST).toFile(), ModelManifest.class);
        List<String> labels = ModelFiles.JSON.readValue(dir.resolve(ModelFiles.LABELS).toFile(), new TypeReference<>() {
        });
        Path normFile = dir.resolve(ModelFiles.NORMALISATION);
        Normalisation normalisation = Files.exists(normFile)
                ? ModelFiles.JSON.readValue(normFile.toFile(), Normalisation.class) : null;
        Model model = newModel(manifest.kind(), labels.size());
        try {
            // Initialise first so the block knows its input names: DJL needs them to save it again.
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, manifest.kind().batchShape(1));
            model.load(dir, manifest.kind().id());
        } catch (MalformedModelException e) {
            model.close();
            throw new IOException("corrupt weights in " + dir + ": " + e.getMessage(), e);
        }
        return new GradeModel(model, manifest, labels, normalisation);
    }

    /** A DJL model on the offline PyTorch engine holding a fresh network of {@code kind}. */
    public static Model newModel(ModelKind kind, int classes) {
        OfflineEngine.get();
        Model model = Model.newInstance(kind.id(), Device.cpu(), OfflineEngine.NAME);
        model.setBlock(kind.newBlock(classes));
        return model;
    }

    /** Temporary directories are owner-only; a model directory is meant to be shared. */
    static void readableByAll(Path path) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    /** Remove a model directory written by {@link #save}; refuses directories without a manifest. */
    public static void deleteModelDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        if (!Files.exists(dir.resolve(ModelFiles.MANIFEST))) {
            throw new IOException(dir + " is not a model directory (no " + ModelFiles.MANIFEST + "); not deleting it");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}
