package io.scraptrace.sorter.training;

import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A plant's labelled readings as CSV: a header, then one row per reading. Required column:
 * {@code grade}. Optional: {@code sensor} (default XRF), {@code massKg} (default 1),
 * {@code densityGcc}, {@code magneticFraction}, {@code thicknessMm}, and one column per element
 * symbol ({@code Fe}, {@code Cu}, ...) in wt%. An empty cell means "not measured". Other columns
 * (ids, timestamps) are ignored. Plain comma-separated values, no quoting.
 */
public final class CsvReadings {
    private static final Pattern ELEMENT = Pattern.compile("[A-Z][a-z]?");
    private static final Set<String> KNOWN = Set.of("grade", "sensor", "massKg", "densityGcc", "magneticFraction", "thicknessMm");

    private CsvReadings() {
    }

    /** Read {@code file}; fails with the line number on a malformed row. */
    public static LabelledReadings read(Path file) throws IOException {
        List<Reading> readings = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new IOException(file + " is empty");
            }
            String[] header = headerLine.strip().split(",", -1);
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                columns.put(header[i].strip(), i);
            }
            if (!columns.containsKey("grade")) {
                throw new IOException(file + " has no 'grade' column");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                try {
                    labels.add(cell(cells, columns, "grade"));
                    readings.add(reading(cells, columns, header, file.getFileName() + ":" + lineNo));
                } catch (RuntimeException e) {
                    throw new IOException(file + " line " + lineNo + ": " + e.getMessage(), e);
                }
            }
        }
        return new LabelledReadings(readings, labels, "csv: " + file.toAbsolutePath().normalize() + ", " + readings.size() + " rows");
    }

    private static Reading reading(String[] cells, Map<String, Integer> columns, String[] header, String id) {
        Map<String, Double> composition = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip();
            if (!KNOWN.contains(name) && ELEMENT.matcher(name).matches() && i < cells.length && !cells[i].isBlank()) {
                composition.put(name, Double.parseDouble(cells[i].strip()));
            }
        }
        String sensor = cell(cells, columns, "sensor");
        String mass = cell(cells, columns, "massKg");
        return Reading.newBuilder()
                .setEventId(id)
                .setSiteId("csv")
                .setStationId("csv")
                .setLotId("csv")
                .setTimestamp(Instant.EPOCH)
                .setSensor(sensor == null ? Sensor.XRF : Sensor.valueOf(sensor.toUpperCase(Locale.ROOT)))
                .setMassKg(mass == null ? 1.0 : Double.parseDouble(mass))
                .setComposition(composition)
                .setDensityGcc(number(cells, columns, "densityGcc"))
                .setMagneticFraction(number(cells, columns, "magneticFraction"))
                .setThicknessMm(number(cells, columns, "thicknessMm"))
                .build();
    }

    private static Double number(String[] cells, Map<String, Integer> columns, String name) {
        String value = cell(cells, columns, name);
        return value == null ? null : Double.parseDouble(value);
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= cells.length || cells[index].isBlank()) {
            return null;
        }
        return cells[index].strip();
    }
}
