package io.scraptrace.streams.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scraptrace.streams.balance.SiteBalance;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
    private final JsonSerde<SiteBalance> serde = new JsonSerde<>(SiteBalance.class);

    @Test
    void roundTripsARecordWithMaps() {
        SiteBalance balance = new SiteBalance(Map.of("FE_HS", 12.5), Map.of("FERROUS", 3.0), Map.of(), 4, 1);
        assertEquals(balance, serde.deserialize("t", serde.serialize("t", balance)));
    }

    @Test
    void readsStateWrittenWithAFieldItNoLongerKnows() {
        byte[] older = ("{\"intakeKgByGrade\":{\"CU_NO1\":7.0},\"exportedKgByMaterial\":{},\"exportedKgByGrade\":{},"
                + "\"readings\":2,\"declarations\":0,\"retiredField\":true}").getBytes(StandardCharsets.UTF_8);
        SiteBalance read = serde.deserialize("t", older);
        assertEquals(Map.of("CU_NO1", 7.0), read.intakeKgByGrade());
        assertEquals(2, read.readings());
    }

    @Test
    void nullIsATombstoneBothWaysAndGarbageIsASerializationError() {
        assertArrayEquals(null, serde.serialize("t", null));
        assertNull(serde.deserialize("t", null));
        assertThrows(SerializationException.class, () -> serde.deserialize("t", "{not json".getBytes(StandardCharsets.UTF_8)));
    }
}
