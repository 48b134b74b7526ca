package io.scraptrace.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MqttTopicTest {
    @Test
    void parsesSiteAndKindUnderTheRoot() {
        assertEquals(new MqttTopic("S-TKY-01", false), MqttTopic.parse("scraptrace", "scraptrace/S-TKY-01/readings"));
        assertEquals(new MqttTopic("S-1", true), MqttTopic.parse("plants/jp", "plants/jp/S-1/frames"));
    }

    @Test
    void rejectsForeignShapes() {
        assertNull(MqttTopic.parse("scraptrace", "other/S-1/readings"));
        assertNull(MqttTopic.parse("scraptrace", "scraptrace/S-1/alerts"));
        assertNull(MqttTopic.parse("scraptrace", "scraptrace//readings"));
        assertNull(MqttTopic.parse("scraptrace", "scraptrace/S-1/x/readings"));
    }

    @Test
    void subscribesToBothKinds() {
        assertArrayEquals(new String[] {"scraptrace/+/readings", "scraptrace/+/frames"}, MqttTopic.filters("scraptrace"));
    }
}
