package io.scraptrace.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.Evidence;
import io.scraptrace.avro.Material;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.schemas.serde.AvroSerde;
import io.scraptrace.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Single-object encoding round trips and the contract JSON rendering. */
class AvroSerdeTest {
    private static Alert alert() {
        return Alert.newBuilder()
                .setDeclarationId("D-1").setExporterId("X-9").setSiteId("S-KNG-03").setRegion("JP-14")
                .setPort("JP-14").setDestination("VN").setHsCode("8549.19").setDeclaredMaterial(Material.MIXED_METAL)
                .setDeclaredGrade(null).setDeclaredMassKg(20_000).setMeasuredGrade("BM_NMC").setMeasuredMassKg(19_500)
                .setSeverity(5)
                .setReasons(List.of(AlertReason.newBuilder().setCode("HAZARDOUS_DESTINATION").setSeverity(5)
                        .setDetail("black mass to VN without prior informed consent")
                        .setEvidence(Evidence.newBuilder().setIds(List.of("L-1", "L-2")).setFigures(Map.of("measuredKg", 19_500.0)).build())
                        .build()))
                .setTimestamp(Instant.parse("2026-11-25T01:00:00Z")).setCheckedAt(Instant.parse("2026-11-25T01:00:02.5Z"))
                .build();
    }

    @Test
    void nestedRecordsRoundTripThroughTheTopicSerde() {
        AvroSerde<Alert> serde = (AvroSerde<Alert>) Topics.DEFAULT.alerts.valueSerde();
        byte[] bytes = serde.serialize("scrap.alerts", alert());
        assertArrayEquals(new byte[] {(byte) 0xC3, 0x01}, new byte[] {bytes[0], bytes[1]}, "single-object encoding header");
        assertEquals(alert(), serde.deserialize("scrap.alerts", bytes));
        assertNull(serde.deserialize("scrap.alerts", null));
    }

    @Test
    void aRecordWrittenThroughASchemaRegistryNamesTheSettingItNeeds() {
        byte[] confluentWireFormat = {0, 0, 0, 0, 7, 2, 'x'};
        var error = assertThrows(SerializationException.class,
                () -> Topics.DEFAULT.alerts.valueSerde().deserializer().deserialize("scrap.alerts", confluentWireFormat));
        assertTrue(error.getMessage().contains("set schema.registry.url"), error.getMessage());
    }

    @Test
    void jsonRenderingUnwrapsUnionsAndWritesIsoInstants() {
        var json = AvroJson.toJson(alert());
        assertEquals("2026-11-25T01:00:02.500Z", json.get("checkedAt").asText());
        assertEquals("MIXED_METAL", json.get("declaredMaterial").asText());
        assertEquals("BM_NMC", json.get("measuredGrade").asText(), "union value is plain, not {\"string\": ...}");
        assertEquals(true, json.get("declaredGrade").isNull());
        var reason = json.get("reasons").get(0);
        assertEquals("HAZARDOUS_DESTINATION", reason.get("code").asText());
        assertEquals("L-2", reason.get("evidence").get("ids").get(1).asText());
        assertEquals(19_500.0, reason.get("evidence").get("figures").get("measuredKg").asDouble());
    }
}
