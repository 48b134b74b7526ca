package io.scraptrace.streams.kpis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scraptrace.avro.Material;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The policy targets the KPIs are measured against: the bundled defaults ({@value #RESOURCE}, each
 * with its source) unless the deployment names its own file in {@value #FILE}.
 *
 * @param name    what the set of targets is
 * @param notes   how to read them
 * @param targets one per indicator
 */
public record Targets(String name, List<String> notes, List<Target> targets) {
    /** Config key: a targets file replacing the bundled defaults. */
    public static final String FILE = "kpis.targets.file";
    /** Classpath resource of the bundled defaults. */
    public static final String RESOURCE = "/io/scraptrace/streams/kpis/targets.json";
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Targets {
        notes = notes == null ? List.of() : List.copyOf(notes);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** What a target measures in a month's totals, in kg. */
    public enum Measure {
        /** Graded mass of ferrous grades the catalogue calls high grade. */
        HIGH_GRADE_FERROUS(t -> highGradeFerrousKg(t.intakeKgByGrade)),
        /** Lithium contained in graded black mass. */
        LI(MonthlyTotals::liKg),
        /** Nickel contained in graded black mass. */
        NI(MonthlyTotals::niKg),
        /** Cobalt contained in graded black mass. */
        CO(MonthlyTotals::coKg);

        private final ToDoubleFunction<MonthlyTotals> kg;

        Measure(ToDoubleFunction<MonthlyTotals> kg) {
            this.kg = kg;
        }

        /** The measured kg in {@code totals}. */
        public double kg(MonthlyTotals totals) {
            return kg.applyAsDouble(totals);
        }

        private static double highGradeFerrousKg(Map<String, Double> intakeKgByGrade) {
            GradeCatalogue catalogue = GradeCatalogue.get();
            return intakeKgByGrade.entrySet().stream()
                    .filter(e -> catalogue.materialOf(e.getKey()) == Material.FERROUS && catalogue.isHighGrade(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
        }
    }

    /**
     * One target.
     *
     * @param id           stable identifier
     * @param name         what is measured, for people
     * @param measure      what is measured, for the code
     * @param annualTonnes the annual amount aimed at
     * @param year         the year it is aimed at
     * @param source       where the figure comes from
     */
    public record Target(String id, String name, Measure measure, double annualTonnes, int year, String source) {
        public Target {
            require(id != null && !id.isBlank(), "id", "is required");
            require(measure != null, id + ".measure", "must be one of HIGH_GRADE_FERROUS, LI, NI, CO");
            require(annualTonnes > 0, id + ".annualTonnes", "must be > 0");
            require(source != null && !source.isBlank(), id + ".source", "is required: every target names where it comes from");
        }
    }

    /** The targets of {@code config}: its file if it names one, else the bundled defaults. */
    public static Targets load(ScrapTraceConfig config) {
        Optional<String> file = config.get(FILE);
        try {
            if (file.isPresent()) {
                return parse(Files.readAllBytes(Path.of(file.get())), file.get());
            }
            try (InputStream in = Targets.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the build");
                }
                return parse(in.readAllBytes(), RESOURCE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read targets " + file.orElse(RESOURCE) + ": " + e.getMessage(), e);
        }
    }

    static Targets parse(byte[] json, String origin) throws IOException {
        try {
            Targets targets = JSON.readValue(json, Targets.class);
            require(targets.targets() != null && !targets.targets().isEmpty(), "targets", "must list at least one target");
            return targets;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new IllegalArgumentException(origin + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void require(boolean ok, String field, String reason) {
        if (!ok) {
            throw new IllegalArgumentException("target " + field + " " + reason);
        }
    }
}
