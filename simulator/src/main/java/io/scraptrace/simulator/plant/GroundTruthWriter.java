package io.scraptrace.simulator.plant;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the ground truth, one JSON line per accepted declaration:
 * {@code {"declarationId": ..., "expectedCodes": [...], "nearMiss": [...], "exporterId": ..., "siteId": ...}}.
 * Each line is flushed so a reader can follow the file while the simulator runs.
 */
final class GroundTruthWriter implements Closeable {
    private final BufferedWriter out;

    GroundTruthWriter(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ground truth to " + file, e);
        }
    }

    void write(PlannedDeclaration planned) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("declarationId", planned.declaration().getDeclarationId());
        codes(line, "expectedCodes", planned.expected());
        codes(line, "nearMiss", planned.nearMiss());
        line.put("exporterId", planned.declaration().getExporterId());
        line.put("siteId", planned.declaration().getSiteId());
        try {
            out.write(line.toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ground truth", e);
        }
    }

    private static void codes(ObjectNode line, String field, List<AlertCode> codes) {
        var array = line.putArray(field);
        codes.forEach(code -> array.add(code.name()));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
