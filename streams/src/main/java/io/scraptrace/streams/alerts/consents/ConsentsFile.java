package io.scraptrace.streams.alerts.consents;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scraptrace.streams.alerts.model.Consent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A consents file: one JSON object per line with the fields of a BaselConsent ({@code consentId},
 * {@code exporterId} (null = any), {@code destination}, {@code material}, {@code validFrom},
 * {@code validUntil}); blank lines and lines starting with {@code #} are skipped. A default file
 * allowing black mass to KR and BE for any exporter is bundled for the demo; those are not real
 * consents. Black mass needs one because it is Basel-controlled: classified as waste batteries
 * (Annex VIII A1170) or under the e-waste amendments of decision BC-15/18 in force since
 * 1 January 2025 (A1181, Y49); the grade catalogue's BASEL source has the details.
 */
public final class ConsentsFile {
    private static final String BUNDLED = "/io/scraptrace/streams/alerts/consents.jsonl";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConsentsFile() {
    }

    /** The consents of {@code file}, or of the bundled default when {@code file} is null. */
    public static List<Consent> read(Path file) {
        try (Reader reader = file == null ? bundled() : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file == null ? BUNDLED : file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read consents " + (file == null ? BUNDLED : file), e);
        }
    }

    /** Parses consents from {@code reader}; errors name {@code source} and the line. */
    static List<Consent> parse(Reader reader, String source) throws IOException {
        List<Consent> consents = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                consents.add(MAPPER.readValue(trimmed, Consent.class).validated());
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage(), e);
            }
        }
        return consents;
    }

    private static Reader bundled() throws IOException {
        InputStream in = ConsentsFile.class.getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IOException("missing bundled " + BUNDLED);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
