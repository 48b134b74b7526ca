package io.scraptrace.schemas.grades;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scraptrace.avro.Material;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The grade catalogue (CONTRACT section 4), loaded from {@code grades/grades.json}: the label set of
 * the models, the material and high-grade flag of each grade, and the criteria with their sources.
 * Label order is the file's order and is what model outputs index into.
 */
public final class GradeCatalogue {
    private static final String RESOURCE = "/io/scraptrace/schemas/grades/grades.json";
    private static final GradeCatalogue DEFAULT = load();

    private final String version;
    private final List<String> notes;
    private final Map<String, String> sources;
    private final Map<String, Grade> grades;

    private GradeCatalogue(String version, List<String> notes, Map<String, String> sources, List<Grade> grades) {
        this.version = version;
        this.notes = List.copyOf(notes);
        this.sources = Map.copyOf(sources);
        Map<String, Grade> byCode = new LinkedHashMap<>();
        grades.forEach(g -> byCode.put(g.code(), g));
        this.grades = Collections.unmodifiableMap(byCode);
    }

    /** The catalogue shipped in this build. */
    public static GradeCatalogue get() {
        return DEFAULT;
    }

    /** Catalogue version string. */
    public String version() {
        return version;
    }

    /** General notes on how the numbers are meant. */
    public List<String> notes() {
        return notes;
    }

    /** Source key -> citation. */
    public Map<String, String> sources() {
        return sources;
    }

    /** All grades in label order. */
    public List<Grade> grades() {
        return List.copyOf(grades.values());
    }

    /** Grade codes in label order. */
    public List<String> codes() {
        return List.copyOf(grades.keySet());
    }

    /** The grade with that code. */
    public Optional<Grade> find(String code) {
        return Optional.ofNullable(grades.get(code));
    }

    /** Material of a grade code; UNKNOWN for UNCERTAIN or unknown codes. */
    public Material materialOf(String code) {
        Grade grade = grades.get(code);
        return grade == null ? Material.UNKNOWN : grade.material();
    }

    /** Whether a grade code is high grade; false for UNCERTAIN or unknown codes. */
    public boolean isHighGrade(String code) {
        Grade grade = grades.get(code);
        return grade != null && grade.highGrade();
    }

    /**
     * Value class of a grade code (1 premium .. 3 low, see {@link Grade#valueClass()}); empty for
     * UNCERTAIN or unknown codes.
     */
    public OptionalInt valueClassOf(String code) {
        Grade grade = grades.get(code);
        return grade == null ? OptionalInt.empty() : OptionalInt.of(grade.valueClass());
    }

    private record Document(String version, List<String> notes, Map<String, String> sources, List<Grade> grades) {
    }

    private static GradeCatalogue load() {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = GradeCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing " + RESOURCE);
            }
            Document doc = mapper.readValue(in, Document.class);
            return new GradeCatalogue(doc.version(), doc.notes(), doc.sources(), doc.grades());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load grade catalogue", e);
        }
    }
}
