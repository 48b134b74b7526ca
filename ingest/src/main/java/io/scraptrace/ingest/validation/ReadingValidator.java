package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates readings (CONTRACT section 3, Reading), read straight from the token stream: each
 * field's token and value is kept in a slot while the object streams by, then the fields are
 * checked in a fixed order, so the violations come out alike whatever order the fields were sent
 * in. Readings come by the thousand per request: this allocates about a third less per reading
 * than a tree of nodes, and the scan is reused from one reading to the next.
 */
public final class ReadingValidator implements StreamValidator<Reading> {
    /** Instrument noise lets a full analysis add up to slightly more than 100 %. */
    public static final double MAX_COMPOSITION_SUM = 100.5;

    private static final Bounds PERCENT = Bounds.between(0, 100);
    private static final Bounds FRACTION = Bounds.between(0, 1);
    private static final Bounds POSITIVE = Bounds.positive();
    /** The densest element (osmium) is 22.6 g/cm3; anything above is a unit mistake. */
    private static final Bounds DENSITY = new Bounds(0, true, 25);
    private static final Sensor[] SENSORS = Sensor.values();
    private static final String COMPOSITION = "composition";

    /**
     * The fields with a single value, each in a slot ({@code composition} has entries). Jackson
     * interns the names it parses, and literals are interned, so a name is found by identity.
     */
    private static final String[] SLOTS = {"eventId", "siteId", "stationId", "lotId", "timestamp", "sensor", "massKg",
            "densityGcc", "magneticFraction", "thicknessMm", "moisturePct", "frameId"};
    private static final int SITE_ID = 1;

    /** One scan per request thread, reused for every reading it reads. */
    private final ThreadLocal<ReadingScan> scans = ThreadLocal.withInitial(ReadingScan::new);

    @Override
    public Decoded<Reading> read(JsonParser parser, Instant receivedAt) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            StrictSkip.value(parser);
            return new Decoded<>(Validated.invalid(List.of(Violation.NOT_AN_OBJECT)), null);
        }
        ReadingScan scan = scans.get();
        scan.read(parser);
        return new Decoded<>(check(scan, receivedAt), scan.claimedSiteId());
    }

    private static Validated<Reading> check(ReadingScan scan, Instant receivedAt) {
        FieldChecks fields = new FieldChecks(scan);
        PlantEvent event = PlantEvent.read(fields, receivedAt);
        Sensor sensor = fields.symbol("sensor", SENSORS);
        double massKg = fields.number("massKg", POSITIVE);
        Map<String, Double> composition = scan.composition(fields);
        Double densityGcc = fields.optionalNumber("densityGcc", DENSITY);
        Double magneticFraction = fields.optionalNumber("magneticFraction", FRACTION);
        Double thicknessMm = fields.optionalNumber("thicknessMm", POSITIVE);
        Double moisturePct = fields.optionalNumber("moisturePct", PERCENT);
        String frameId = fields.optionalId("frameId");
        if (!fields.ok()) {
            return Validated.invalid(fields.violations());
        }
        return Validated.valid(new Reading(event.eventId(), event.siteId(), event.stationId(), event.lotId(), event.timestamp(), sensor, massKg, composition,
                densityGcc, magneticFraction, thicknessMm, moisturePct, frameId, receivedAt));
    }

    /** The slot of a field, -1 for {@code composition} and fields a reading does not have. */
    private static int slot(String field) {
        for (int i = 0; i < SLOTS.length; i++) {
            if (SLOTS[i] == field) {
                return i;
            }
        }
        for (int i = 0; i < SLOTS.length; i++) {
            if (SLOTS[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNumber(JsonToken token) {
        return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /**
     * The fields of the reading being read: reused from one reading to the next, so reading one
     * allocates only what the record keeps (its strings and composition).
     */
    private static final class ReadingScan implements FieldValues {
        /** Up to this many entries, a repeated element is found by comparing with each before it. */
        private static final int LINEAR_SEARCH = 32;
        /** Arrays grown past this by a hostile item are not kept for the next one. */
        private static final int KEPT_ENTRIES = 256;

        private final JsonToken[] tokens = new JsonToken[SLOTS.length];
        private final String[] texts = new String[SLOTS.length];
        private final double[] numbers = new double[SLOTS.length];
        private JsonToken compositionToken;
        private String[] entryNames;
        private JsonToken[] entryTokens;
        private double[] entryValues;
        private int entries;
        /** The entries' names once there are more than {@link #LINEAR_SEARCH}. */
        private Set<String> manyEntries;
        /** Fields no reading has, only kept to refuse one given twice; null while there are none. */
        private Set<String> unknown;

        ReadingScan() {
            allocateEntries(16);
        }

        /** Reads the object whose START_OBJECT the parser is on, up to its END_OBJECT. */
        void read(JsonParser parser) throws IOException {
            reset();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (name.equals(COMPOSITION)) {
                    StrictSkip.requireFirst(parser, name, compositionToken == null);
                    compositionToken = token;
                    if (token == JsonToken.START_OBJECT) {
                        readEntries(parser);
                    } else {
                        StrictSkip.value(parser);
                    }
                    continue;
                }
                int slot = slot(name);
                if (slot < 0) {
                    if (unknown == null) {
                        unknown = new HashSet<>();
                    }
                    StrictSkip.requireFirst(parser, name, unknown.add(name));
                    StrictSkip.value(parser);
                    continue;
                }
                StrictSkip.requireFirst(parser, name, tokens[slot] == null);
                tokens[slot] = token;
                if (token == JsonToken.VALUE_STRING) {
                    texts[slot] = parser.getText();
                } else if (isNumber(token)) {
                    numbers[slot] = parser.getDoubleValue();
                } else {
                    StrictSkip.value(parser);
                }
            }
        }

        private void readEntries(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                StrictSkip.requireFirst(parser, name, isNewEntry(name));
                if (entries == entryNames.length) {
                    int capacity = 2 * entries;
                    entryNames = Arrays.copyOf(entryNames, capacity);
                    entryTokens = Arrays.copyOf(entryTokens, capacity);
                    entryValues = Arrays.copyOf(entryValues, capacity);
                }
                entryNames[entries] = name;
                entryTokens[entries] = token;
                entryValues[entries] = isNumber(token) ? parser.getDoubleValue() : Double.NaN;
                entries++;
                StrictSkip.value(parser);
            }
        }

        private boolean isNewEntry(String name) {
            if (manyEntries != null) {
                return manyEntries.add(name);
            }
            for (int i = 0; i < entries; i++) {
                if (entryNames[i].equals(name)) {
                    return false;
                }
            }
            if (entries == LINEAR_SEARCH) {
                manyEntries = new HashSet<>(Arrays.asList(entryNames).subList(0, entries));
                manyEntries.add(name);
            }
            return true;
        }

        /**
         * The composition checked as a map of element symbol to weight percent, each entry
         * in the order sent, then their sum; null when it is missing or not an object.
         */
        Map<String, Double> composition(FieldChecks fields) {
            if (!fields.required(COMPOSITION, compositionToken)) {
                return null;
            }
            if (compositionToken != JsonToken.START_OBJECT) {
                fields.reject(COMPOSITION, "must be an object");
                return null;
            }
            Map<String, Double> composition = new HashMap<>(2 * entries);
            double sum = 0;
            boolean entriesValid = true;
            for (int i = 0; i < entries; i++) {
                String element = entryNames[i];
                if (!Elements.isSymbol(element)) {
                    fields.reject(COMPOSITION + "." + element, "is not a chemical element symbol");
                    entriesValid = false;
                    continue;
                }
                double percent = isNumber(entryTokens[i]) && PERCENT.accepts(entryValues[i]) ? entryValues[i]
                        : fields.checkNumber(COMPOSITION + "." + element, entryTokens[i], entryValues[i], PERCENT);
                if (Double.isNaN(percent)) {
                    entriesValid = false;
                    continue;
                }
                composition.put(element, percent);
                sum += percent;
            }
            if (entriesValid && sum > MAX_COMPOSITION_SUM) {
                fields.reject(COMPOSITION, "weight percents sum to " + Math.round(sum * 100) / 100.0
                        + ", more than " + MAX_COMPOSITION_SUM);
            }
            return composition;
        }

        /** The siteId sent, if a string, whether or not it is a valid one. */
        String claimedSiteId() {
            return tokens[SITE_ID] == JsonToken.VALUE_STRING ? texts[SITE_ID] : null;
        }

        @Override
        public JsonToken token(String field) {
            return field.equals(COMPOSITION) ? compositionToken : tokens[slot(field)];
        }

        @Override
        public String text(String field) {
            return texts[slot(field)];
        }

        @Override
        public double number(String field) {
            return numbers[slot(field)];
        }

        private void reset() {
            Arrays.fill(tokens, null);
            Arrays.fill(texts, null);
            compositionToken = null;
            if (entryNames.length > KEPT_ENTRIES) {
                allocateEntries(16);
            } else {
                Arrays.fill(entryNames, 0, entries, null);
            }
            entries = 0;
            manyEntries = null;
            unknown = null;
        }

        private void allocateEntries(int capacity) {
            entryNames = new String[capacity];
            entryTokens = new JsonToken[capacity];
            entryValues = new double[capacity];
        }
    }
}
