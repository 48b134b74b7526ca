package io.scraptrace.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Reading;
import io.scraptrace.schemas.serde.AvroSerde;
import io.scraptrace.schemas.serde.SchemaHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * Schema evolution is part of the contract: records written with any shipped past version must
 * decode with the current classes. A change that breaks this fails here, and so fails the build.
 */
class SchemaEvolutionTest {
    private static final String READING = "io.scraptrace.avro.Reading";

    @Test
    void everyHistoricalSchemaIsReadableByTheCurrentOne() {
        assertFalse(SchemaHistory.schemas().isEmpty(), "the history ships at least one past version");
        for (Schema old : SchemaHistory.schemas()) {
            Schema current = currentSchemaOf(old.getFullName());
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, old);
            assertEquals(SchemaCompatibilityType.COMPATIBLE, result.getType(),
                    () -> old.getFullName() + " cannot read its past version: " + result.getDescription());
        }
    }

    @Test
    void aReadingWrittenWithVersionOneDecodesWithTheCurrentClass() throws Exception {
        Schema v1 = SchemaHistory.versionsOf(READING).get(0);
        GenericRecord old = new GenericData.Record(v1);
        old.put("eventId", "e-old");
        old.put("siteId", "S-OSA-02");
        old.put("stationId", "LIBS-1");
        old.put("lotId", "L-7");
        old.put("timestamp", 1_764_000_000_000L);
        old.put("sensor", new GenericData.EnumSymbol(v1.getField("sensor").schema(), "LIBS"));
        old.put("massKg", 3.5);
        old.put("composition", Map.of("Al", 97.1, "Mg", 1.4));
        old.put("densityGcc", 2.7);
        old.put("magneticFraction", null);
        old.put("thicknessMm", 2.0);
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

        Reading current = new AvroSerde<>(Reading.class).deserialize("scrap.readings", bytes);

        assertEquals("e-old", current.getEventId());
        assertEquals(Instant.ofEpochMilli(1_764_000_000_000L), current.getTimestamp());
        assertEquals(97.1, current.getComposition().get("Al"));
        assertEquals("LIBS", current.getSensor().name());
        assertNull(current.getMoisturePct(), "fields added in v2 take their defaults");
        assertNull(current.getFrameId());
        assertNull(current.getReceivedAt());
    }

    @Test
    void anAlertWrittenWithVersionOneIsJudgedWithoutEvidenceStrength() throws Exception {
        Schema v1 = SchemaHistory.versionsOf("io.scraptrace.avro.Alert").get(0);
        Schema reasonV1 = v1.getField("reasons").schema().getElementType();
        Schema evidenceV1 = reasonV1.getField("evidence").schema();
        GenericRecord evidence = new GenericData.Record(evidenceV1);
        evidence.put("ids", List.of("L-1"));
        evidence.put("figures", Map.of("declaredMassKg", 1000.0));
        GenericRecord reason = new GenericData.Record(reasonV1);
        reason.put("code", "UNDER_DECLARED_GRADE");
        reason.put("severity", 4);
        reason.put("detail", "old");
        reason.put("evidence", evidence);
        GenericRecord old = new GenericData.Record(v1);
        for (String field : List.of("declarationId", "exporterId", "siteId", "region", "port", "destination", "hsCode")) {
            old.put(field, "x");
        }
        old.put("declaredMaterial", new GenericData.EnumSymbol(v1.getField("declaredMaterial").schema(), "FERROUS"));
        old.put("declaredMassKg", 1000.0);
        old.put("measuredMassKg", 990.0);
        old.put("severity", 4);
        old.put("reasons", List.of(reason));
        old.put("timestamp", 1_764_000_000_000L);
        old.put("checkedAt", 1_764_000_001_000L);
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

        Alert current = new AvroSerde<>(Alert.class).deserialize("scrap.alerts", bytes);

        assertEquals("JUDGED", current.getStatus(), "every alert of v1 was a judgement");
        assertEquals(List.of(), current.getLotsMissing());
        assertNull(current.getJudgeBy());
        assertNull(current.getReasons().get(0).getEvidence().getStrength(), "v1 knew no evidence strength");
        assertEquals(List.of(), current.getReasons().get(0).getEvidence().getBasis());
    }

    @Test
    void aGradedReadingWrittenWithVersionOneDecodesWithoutAReason() throws Exception {
        Schema v1 = SchemaHistory.versionsOf("io.scraptrace.avro.GradedReading").get(0);
        GenericRecord old = new GenericData.Record(v1);
        old.put("eventId", "e-old");
        old.put("siteId", "S-OSA-02");
        old.put("stationId", "XRF-1");
        old.put("lotId", "L-7");
        old.put("timestamp", 1_764_000_000_000L);
        old.put("sensor", new GenericData.EnumSymbol(v1.getField("sensor").schema(), "XRF"));
        old.put("massKg", 3.5);
        old.put("composition", Map.of("Fe", 98.5));
        old.put("grade", "FE_HS");
        old.put("material", new GenericData.EnumSymbol(v1.getField("material").schema(), "FERROUS"));
        old.put("highGrade", true);
        old.put("confidence", 0.97);
        old.put("probabilities", Map.of("FE_HS", 0.97));
        old.put("modelVersion", "sensor-x");
        old.put("frameId", null);
        old.put("gradedAt", 1_764_000_001_000L);
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

        GradedReading current = new AvroSerde<>(GradedReading.class).deserialize("scrap.graded", bytes);

        assertEquals("FE_HS", current.getGrade());
        assertNull(current.getUncertainReason(), "the reason added in v2 takes its default");
    }

    @Test
    void anIncompatibleChangeIsDetected() {
        // Adding a required field without a default is the classic breaking change.
        Schema current = Reading.getClassSchema();
        Schema broken = new Schema.Parser().parse(current.toString().replaceFirst(
                "\"fields\":\\[", "\"fields\":[{\"name\":\"operator\",\"type\":\"string\"},"));
        var result = SchemaCompatibility.checkReaderWriterCompatibility(broken, current);
        assertEquals(SchemaCompatibilityType.INCOMPATIBLE, result.getType());
    }

    @Test
    void unknownFingerprintsAreRejectedWithAClearError() throws Exception {
        Schema stranger = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Stranger\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
        GenericRecord record = new GenericData.Record(stranger);
        record.put("x", 1);
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), stranger).encode(record).array();
        var error = assertThrows(SerializationException.class, () -> new AvroSerde<>(Reading.class).deserialize("t", bytes));
        assertFalse(error.getMessage().isBlank());
    }

    private static Schema currentSchemaOf(String fullName) {
        try {
            return SpecificData.get().getSchema(Class.forName(fullName));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("history names a record with no generated class: " + fullName, e);
        }
    }
}
