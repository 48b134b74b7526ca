package io.scraptrace.streams.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.streams.testing.Records;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class LotStateCodecTest {
    @Test
    void aLotWithSeveralGradesAndModelsRoundTrips() {
        LotState lot = LotState.of(Records.graded("e1", "S1", "LOT-1", "FE_HS", 120.0, Records.T0))
                .add(Records.graded("e2", "S1", "LOT-1", "UNCERTAIN", 30.0, Records.T0.plusSeconds(60)));
        Serde<LotState> serde = LotStateCodec.serde();
        LotState read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", lot));
        assertEquals(lot, read);
        assertEquals(150.0, read.massKg(), 1e-9);
    }
}
