package io.scraptrace.ingest.mqtt;

/**
 * Where and how the bridge connects.
 *
 * @param serverUri       e.g. {@code tcp://localhost:1883}
 * @param clientId        MQTT client id; stable so the broker keeps the session (and unacknowledged messages) across restarts
 * @param topicRoot       first topic level(s), {@code scraptrace} by default
 * @param maxPayloadBytes larger payloads are dead-lettered whole
 * @param maxItems        payloads with more items are dead-lettered whole
 */
public record MqttSettings(String serverUri, String clientId, String topicRoot, int maxPayloadBytes, int maxItems) {
}
