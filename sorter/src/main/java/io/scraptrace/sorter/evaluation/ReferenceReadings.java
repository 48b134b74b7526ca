package io.scraptrace.sorter.evaluation;

import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.sorter.model.ModelSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reference readings written from published standards and assays ({@code reference/readings.txt}):
 * mid- and edge-of-spec compositions of catalogue grades, and materials that are no catalogue grade
 * (expected {@code UNCERTAIN}), each row with its source. Unlike held-out simulator data they do
 * not come from the generator the model was trained on.
 *
 * <p>File format: one reading a line, fields separated by {@code |}: id, expected grade, sensor,
 * thicknessMm, densityGcc, magneticFraction (empty when not reported), composition as
 * {@code El=pct} pairs separated by spaces, source. Lines starting with {@code #} are comments.
 */
public final class ReferenceReadings {
    private static final String RESOURCE = "/io/scraptrace/sorter/reference/readings.txt";

    private ReferenceReadings() {
    }

    /**
     * One reference reading.
     *
     * @param id       short name
     * @param expected the grade a metallurgist gives it, or UNCERTAIN
     * @param reading  the reading
     * @param source   where its figures come from
     */
    public record Row(String id, String expected, Reading reading, String source) {
        /** Whether the expected outcome is UNCERTAIN (out of the catalogue). */
        public boolean outOfCatalogue() {
            return Grade.UNCERTAIN.equals(expected);
        }
    }

    /**
     * The outcome of grading the reference readings.
     *
     * @param rows    the readings
     * @param grades  grade given to each (UNSCORABLE when it could not be scored)
     * @param reasons the UNCERTAIN reason of each, or null
     */
    public record Outcome(List<Row> rows, List<String> grades, List<String> reasons) {
        /** Rows graded as expected. */
        public int right() {
            int right = 0;
            for (int i = 0; i < rows.size(); i++) {
                right += rows.get(i).expected().equals(grades.get(i)) ? 1 : 0;
            }
            return right;
        }

        /** Out-of-catalogue rows graded UNCERTAIN, and how many there are. */
        public int[] outOfCatalogue() {
            int rowsOut = 0;
            int right = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).outOfCatalogue()) {
                    rowsOut++;
                    right += Grade.UNCERTAIN.equals(grades.get(i)) ? 1 : 0;
                }
            }
            return new int[] {right, rowsOut};
        }

        /** The report: a summary line, then every row with its outcome. */
        public String render() {
            StringBuilder out = new StringBuilder();
            int[] outside = outOfCatalogue();
            out.append(String.format(Locale.ROOT, "reference readings: %d/%d right; out-of-catalogue %d/%d UNCERTAIN%n",
                    right(), rows.size(), outside[0], outside[1]));
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                boolean ok = row.expected().equals(grades.get(i));
                out.append(String.format(Locale.ROOT, "  %s %-26s expected %-11s graded %-11s%s%n", ok ? "ok  " : "MISS", row.id(),
                        row.expected(), grades.get(i), reasons.get(i) == null ? "" : "  (" + reasons.get(i) + ")"));
            }
            return out.toString();
        }
    }

    /** The shipped reference readings. */
    public static List<Row> load() {
        try (InputStream in = ReferenceReadings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference readings", e);
        }
    }

    /** Grade the reference readings with {@code models}, sensor only. */
    public static Outcome grade(ModelSet models, List<Row> rows) {
        List<Reading> readings = rows.stream().map(Row::reading).toList();
        List<String> labels = rows.stream().map(Row::expected).toList();
        GradingEvaluation.Result result = GradingEvaluation.evaluate(models, readings, labels, null);
        List<String> grades = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        result.graded().forEach(g -> {
            grades.add(g == null ? "UNSCORABLE" : g.getGrade());
            reasons.add(g == null ? null : g.getUncertainReason());
        });
        return new Outcome(rows, grades, reasons);
    }

    static List<Row> parse(BufferedReader lines) throws IOException {
        List<Row> rows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 8) {
                throw new IllegalArgumentException("reference line " + number + ": 8 fields expected, found " + f.length);
            }
            Map<String, Double> composition = new LinkedHashMap<>();
            for (String pair : f[6].trim().split("\\s+")) {
                String[] kv = pair.split("=");
                composition.put(kv[0], Double.parseDouble(kv[1]));
            }
            Reading reading = Reading.newBuilder()
                    .setEventId("ref-" + f[0].trim()).setSiteId("S-REF").setStationId(f[2].trim() + "-REF").setLotId("L-REF")
                    .setTimestamp(Instant.EPOCH).setSensor(Sensor.valueOf(f[2].trim())).setMassKg(10)
                    .setThicknessMm(optional(f[3])).setDensityGcc(optional(f[4])).setMagneticFraction(optional(f[5]))
                    .setComposition(composition)
                    .build();
            rows.add(new Row(f[0].trim(), f[1].trim(), reading, f[7].trim()));
        }
        return rows;
    }

    private static Double optional(String field) {
        return field.isBlank() ? null : Double.valueOf(field.trim());
    }
}
