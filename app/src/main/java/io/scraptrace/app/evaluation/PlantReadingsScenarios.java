package io.scraptrace.app.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.ingest.IngestSettings;
import io.scraptrace.ingest.intake.RecordKinds;
import io.scraptrace.ingest.validation.ItemValidator;
import io.scraptrace.ingest.validation.Validated;
import io.scraptrace.streams.alerts.evaluation.LabelledDeclaration;
import io.scraptrace.streams.alerts.evaluation.ScenarioSet;
import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.model.Consent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Declarations written by hand with the raw plant readings of their lots (resource
 * {@value #RESOURCE}, or a file of the same shape), taken through the whole path: every site,
 * reading and declaration is validated by ingest's own validators as if posted to the API, the
 * readings are graded by the sorter's {@link io.scraptrace.sorter.grading.Grader} with the shipped
 * default models, and the alert topology gets the consents, sites, graded readings and then the
 * declarations in file order, each labelled with the codes a regulator should see.
 *
 * <p>File shape: {@code receivedAt} (when ingest is taken to have received the sites, readings and
 * declarations), {@code sites} (Site JSON), {@code consents} (consents-file objects), {@code lots}
 * (each with {@code readings}, Reading JSON), {@code declarations} (each {@code declaration}, the
 * ExportDeclaration JSON, with {@code expected} codes and {@code why}). A set that ingest would
 * reject in part, or that names a code that does not exist, is refused whole: a silently dropped
 * reading would change what is judged.
 */
public final class PlantReadingsScenarios {
    /** The bundled set. */
    public static final String RESOURCE = "/io/scraptrace/app/evaluation/plant-readings-declarations.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> CODES = Arrays.stream(AlertCode.values()).map(AlertCode::name).collect(Collectors.toSet());

    private PlantReadingsScenarios() {
    }

    /** The set of {@code file}, or the bundled one when {@code file} is null. */
    public static ScenarioSet load(Path file) {
        String source = file == null ? RESOURCE : file.toString();
        try (InputStream in = file == null ? PlantReadingsScenarios.class.getResourceAsStream(RESOURCE) : Files.newInputStream(file)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCE);
            }
            String name = "plant readings graded by the default models (" + source.substring(source.lastIndexOf('/') + 1) + ")";
            return parse(MAPPER.readTree(in), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    static ScenarioSet parse(JsonNode root, String name) {
        Instant receivedAt = instant(root, "receivedAt");
        ScrapTraceConfig defaults = ScrapTraceConfig.of(Map.of());
        RecordKinds kinds = new RecordKinds(defaults.topics(), IngestSettings.from(defaults).maxFrameBytes());
        List<Object> recorded = new ArrayList<>();
        root.path("consents").forEach(consent -> recorded.add(consent(consent).toAvro()));
        int i = 0;
        for (JsonNode site : root.path("sites")) {
            recorded.add(accepted(kinds.sites().validator(), site, receivedAt, "sites[" + i++ + "]"));
        }
        Set<String> eventIds = new HashSet<>();
        for (JsonNode lot : root.path("lots")) {
            int r = 0;
            for (JsonNode reading : lot.path("readings")) {
                String where = "lot " + lot.path("lotId").asText() + " readings[" + r++ + "]";
                if (!eventIds.add(reading.path("eventId").asText())) {
                    // Ingest would accept a resent eventId once: the second reading would never be graded.
                    throw new IllegalArgumentException(where + ": eventId " + reading.path("eventId").asText() + " is used twice");
                }
                recorded.add(accepted(kinds.readings().validator(), reading, receivedAt, where));
            }
        }
        Map<String, LabelledDeclaration> labelled = new HashMap<>();
        i = 0;
        for (JsonNode entry : root.path("declarations")) {
            String where = "declarations[" + i++ + "]";
            ExportDeclaration declaration = (ExportDeclaration) accepted(kinds.exports().validator(), entry.path("declaration"), receivedAt, where);
            if (labelled.put(declaration.getDeclarationId(), new LabelledDeclaration(declaration, expected(entry, where),
                    entry.path("why").asText())) != null) {
                throw new IllegalArgumentException(where + ": declarationId " + declaration.getDeclarationId() + " is used twice");
            }
            recorded.add(declaration);
        }
        return SimulatedScenarios.graded(name, recorded, declaration -> labelled.get(declaration.getDeclarationId()), false);
    }

    /** The record ingest would publish for {@code item}; an item it would reject fails the set with ingest's reasons. */
    private static Object accepted(ItemValidator<?> validator, JsonNode item, Instant receivedAt, String where) {
        Validated<?> validated = validator.validate(item, receivedAt);
        if (!validated.isValid()) {
            throw new IllegalArgumentException(where + " would be rejected by ingest: " + validated.violations().stream()
                    .map(v -> v.field() + " " + v.reason()).collect(Collectors.joining("; ")));
        }
        return validated.record();
    }

    private static Consent consent(JsonNode node) {
        try {
            return MAPPER.treeToValue(node, Consent.class).validated();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("consent " + node + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> expected(JsonNode entry, String where) {
        JsonNode codes = entry.get("expected");
        if (codes == null || !codes.isArray()) {
            throw new IllegalArgumentException(where + ": expected must be an array of alert codes, [] for a clean declaration");
        }
        Set<String> expected = new HashSet<>();
        for (JsonNode code : codes) {
            if (!CODES.contains(code.asText())) {
                throw new IllegalArgumentException(where + ": " + code.asText() + " is not an alert code " + CODES);
            }
            expected.add(code.asText());
        }
        return expected;
    }

    private static Instant instant(JsonNode root, String field) {
        try {
            return Instant.parse(root.path(field).asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant: " + root.path(field), e);
        }
    }
}
