package io.scraptrace.app.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.grades.Range;
import io.scraptrace.schemas.json.AvroJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Readings of pieces that conform to a catalogue grade: each measured figure near the grade's
 * typical value (a small jitter, clamped to its min..max), so the model grades them confidently.
 */
final class Pieces {
    private Pieces() {
    }

    /** Reading JSON of one piece of {@code gradeCode}; mass in kg as given (the test sums it). */
    static ObjectNode reading(String eventId, String siteId, String lotId, String gradeCode, double massKg, Random random) {
        Grade grade = GradeCatalogue.get().find(gradeCode).orElseThrow(() -> new IllegalArgumentException("no grade " + gradeCode));
        boolean blackMass = grade.material() == Material.BLACK_MASS;
        ObjectNode reading = AvroJson.MAPPER.createObjectNode().put("eventId", eventId).put("siteId", siteId)
                .put("stationId", blackMass ? "LIBS-1" : "XRF-1").put("lotId", lotId).put("timestamp", Instant.now().toString())
                .put("sensor", blackMass ? "LIBS" : "XRF").put("massKg", massKg);
        Map<String, Double> composition = new LinkedHashMap<>();
        grade.composition().forEach((element, range) -> composition.put(element, round(near(range, random), 3)));
        double sum = composition.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 100.4) {
            // Jitter may push the typical values past the contract's 100.5 % limit: scale back.
            composition.replaceAll((element, value) -> round(value * 100.0 / sum, 3));
        }
        ObjectNode node = reading.putObject("composition");
        composition.forEach(node::put);
        if (grade.densityGcc() != null) {
            reading.put("densityGcc", round(near(grade.densityGcc(), random), 3));
        }
        if (grade.magneticFraction() != null) {
            reading.put("magneticFraction", round(near(grade.magneticFraction(), random), 3));
        }
        if (grade.thicknessMm() != null) {
            reading.put("thicknessMm", round(near(grade.thicknessMm(), random), 2));
        }
        return reading;
    }

    private static double near(Range range, Random random) {
        double spread = (range.max() - range.min()) * 0.05;
        double value = range.typical() + (random.nextDouble() * 2 - 1) * spread;
        return Math.max(range.min(), Math.min(range.max(), value));
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
