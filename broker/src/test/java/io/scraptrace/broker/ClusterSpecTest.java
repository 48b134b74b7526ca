package io.scraptrace.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClusterSpecTest {
    @Test
    void encodesAndParsesTheQuorum() {
        ClusterSpec spec = ClusterSpec.of("MkU3OEVBNTcwNTJENDM2Qg", "127.0.0.1", 3, 9092);
        assertEquals("1@127.0.0.1:9095,2@127.0.0.1:9096,3@127.0.0.1:9097", spec.voters());
        assertEquals("127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094", spec.bootstrapServers());
        assertEquals(spec, ClusterSpec.parse(spec.encode()));
        assertEquals(3, spec.replication());
        assertEquals(2, spec.minInsyncReplicas());
        assertEquals(1, ClusterSpec.of("x", "h", 1, 9092).minInsyncReplicas());
    }

    @Test
    void rejectsGarbage() {
        assertThrows(IllegalArgumentException.class, () -> ClusterSpec.parse("no-spec-here"));
    }
}
