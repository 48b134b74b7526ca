package io.scraptrace.schemas.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Every past schema version that may still sit on a topic, loaded from the {@code history/INDEX}
 * resource. Decoders resolve an old record's fingerprint against this store, so the embedded
 * default needs no registry server.
 */
public final class SchemaHistory {
    private static final String BASE = "/io/scraptrace/schemas/history/";
    private static final List<Schema> SCHEMAS = load();
    private static final SchemaStore.Cache STORE = new SchemaStore.Cache();

    static {
        SCHEMAS.forEach(STORE::addSchema);
    }

    private SchemaHistory() {
    }

    /** All historical schemas, oldest first. */
    public static List<Schema> schemas() {
        return SCHEMAS;
    }

    /** Historical schemas of one record type (full name), oldest first. */
    public static List<Schema> versionsOf(String fullName) {
        return SCHEMAS.stream().filter(s -> s.getFullName().equals(fullName)).toList();
    }

    /** A thread-safe store of all historical schemas keyed by their CRC-64-AVRO fingerprint. */
    public static SchemaStore store() {
        return STORE;
    }

    private static List<Schema> load() {
        List<Schema> schemas = new ArrayList<>();
        try (BufferedReader index = reader(BASE + "INDEX")) {
            String line;
            while ((line = index.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                try (InputStream in = resource(BASE + line)) {
                    schemas.add(new Schema.Parser().parse(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load schema history", e);
        }
        return List.copyOf(schemas);
    }

    private static BufferedReader reader(String path) throws IOException {
        return new BufferedReader(new InputStreamReader(resource(path), StandardCharsets.UTF_8));
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = SchemaHistory.class.getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing resource " + path);
        }
        return in;
    }
}
