package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Validates readings (CONTRACT section 3, Reading). */
public final class ReadingValidator implements ItemValidator<Reading> {
    /** Instrument noise lets a full analysis add up to slightly more than 100 %. */
    public static final double MAX_COMPOSITION_SUM = 100.5;

    private static final Bounds PERCENT = Bounds.between(0, 100);
    private static final Bounds FRACTION = Bounds.between(0, 1);
    /** The densest element (osmium) is 22.6 g/cm3; anything above is a unit mistake. */
    private static final Bounds DENSITY = new Bounds(0, true, 25);

    @Override
    public Validated<Reading> validate(JsonNode item, Instant receivedAt) {
        if (!item.isObject()) {
            return Validated.invalid(List.of(Violation.NOT_AN_OBJECT));
        }
        JsonFields fields = new JsonFields(item);
        PlantEvent event = PlantEvent.read(fields, receivedAt);
        Sensor sensor = fields.symbol("sensor", Sensor.values());
        double massKg = fields.number("massKg", Bounds.positive());
        Map<String, Double> composition = composition(fields);
        Double densityGcc = fields.optionalNumber("densityGcc", DENSITY);
        Double magneticFraction = fields.optionalNumber("magneticFraction", FRACTION);
        Double thicknessMm = fields.optionalNumber("thicknessMm", Bounds.positive());
        Double moisturePct = fields.optionalNumber("moisturePct", PERCENT);
        String frameId = fields.optionalId("frameId");
        if (!fields.ok()) {
            return Validated.invalid(fields.violations());
        }
        return Validated.valid(new Reading(event.eventId(), event.siteId(), event.stationId(), event.lotId(), event.timestamp(), sensor, massKg, composition,
                densityGcc, magneticFraction, thicknessMm, moisturePct, frameId, receivedAt));
    }

    private static Map<String, Double> composition(JsonFields fields) {
        JsonNode node = fields.object("composition");
        if (node == null) {
            return null;
        }
        Map<String, Double> composition = new HashMap<>(2 * node.size());
        double sum = 0;
        boolean entriesValid = true;
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String field = "composition." + entry.getKey();
            if (!Elements.isSymbol(entry.getKey())) {
                fields.reject(field, "is not a chemical element symbol");
                entriesValid = false;
                continue;
            }
            double percent = fields.checkNumber(field, entry.getValue(), PERCENT);
            if (Double.isNaN(percent)) {
                entriesValid = false;
                continue;
            }
            composition.put(entry.getKey(), percent);
            sum += percent;
        }
        if (entriesValid && sum > MAX_COMPOSITION_SUM) {
            fields.reject("composition", "weight percents sum to " + Math.round(sum * 100) / 100.0
                    + ", more than " + MAX_COMPOSITION_SUM);
        }
        return composition;
    }
}
