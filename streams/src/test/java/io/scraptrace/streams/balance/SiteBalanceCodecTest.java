package io.scraptrace.streams.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class SiteBalanceCodecTest {
    @Test
    void intakeAndExportsRoundTrip() {
        Serde<SiteBalance> serde = SiteBalanceCodec.serde();
        SiteBalance balance = new SiteBalance(Map.of("FE_HS", 12.5, "CU_NO1", 3.0), Map.of("FERROUS", 3.0), Map.of("FE_HS", 3.0), 4, 1);
        assertEquals(balance, serde.deserializer().deserialize("t", serde.serializer().serialize("t", balance)));
    }
}
