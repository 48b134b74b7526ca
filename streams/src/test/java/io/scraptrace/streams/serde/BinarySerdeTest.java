package io.scraptrace.streams.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class BinarySerdeTest {
    private record Sample(String name, String note, Map<String, Double> figures) {
    }

    private static final StateCodec<Sample> CODEC = new StateCodec<>() {
        @Override
        public void write(DataOutput out, Sample value) throws IOException {
            out.writeUTF(value.name());
            BinarySerde.writeNullable(out, value.note());
            BinarySerde.writeFigures(out, value.figures());
        }

        @Override
        public Sample read(DataInput in) throws IOException {
            return new Sample(in.readUTF(), BinarySerde.readNullable(in), BinarySerde.readFigures(in));
        }
    };

    private final BinarySerde<Sample> serde = new BinarySerde<>("Sample", 2, CODEC);

    @Test
    void roundTripsNullableStringsAndFigures() {
        Sample full = new Sample("lot-1", "note", Map.of("FE_HS", 12.5, "UNCERTAIN", 0.25));
        Sample bare = new Sample("lot-2", null, Map.of());
        assertEquals(full, serde.deserialize("t", serde.serialize("t", full)));
        assertEquals(bare, serde.deserialize("t", serde.serialize("t", bare)));
    }

    @Test
    void refusesAnotherLayoutVersionAndOldJsonWithAClearMessage() {
        byte[] otherVersion = new BinarySerde<>("Sample", 1, CODEC).serialize("t", new Sample("a", null, Map.of()));
        SerializationException versioned = assertThrows(SerializationException.class, () -> serde.deserialize("t", otherVersion));
        assertTrue(versioned.getMessage().contains("format v1, this build reads v2"), versioned.getMessage());
        byte[] json = "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        SerializationException old = assertThrows(SerializationException.class, () -> serde.deserialize("t", json));
        assertTrue(old.getMessage().contains("JSON (an older build)"), old.getMessage());
    }

    @Test
    void nullIsATombstoneBothWaysAndVersionsMustBeTellableFromJson() {
        assertArrayEquals(null, serde.serialize("t", null));
        assertNull(serde.deserialize("t", null));
        assertThrows(IllegalArgumentException.class, () -> new BinarySerde<>("Sample", '{', CODEC));
    }
}
