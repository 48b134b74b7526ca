package io.scraptrace.streams.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class ReadingTraceCodecTest {
    @Test
    void tracesWithAndWithoutACameraFrameRoundTrip() {
        Serde<ReadingTrace> serde = ReadingTraceCodec.serde();
        for (String frame : new String[] {"frame-9", null}) {
            ReadingTrace trace = new ReadingTrace("e1", "ST-1", "XRF", 1_700_000_000_000L, 412.5, "AL_WROUGHT", 0.93, "mlp-v3", frame);
            assertEquals(trace, serde.deserializer().deserialize("t", serde.serializer().serialize("t", trace)));
        }
    }

    @Test
    void anExpiredTraceIsOneFlagAndReadsBackAsExpired() {
        Serde<ReadingTrace> serde = ReadingTraceCodec.serde();
        byte[] bytes = serde.serializer().serialize("t", ReadingTrace.EXPIRED);
        assertEquals(2, bytes.length);
        assertTrue(serde.deserializer().deserialize("t", bytes).expired());
    }
}
