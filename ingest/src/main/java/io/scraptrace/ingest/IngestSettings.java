package io.scraptrace.ingest;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.ingest.mqtt.MqttSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Ingest's settings, from {@code ingest.*} configuration keys (or {@code SCRAPTRACE_INGEST_*}).
 *
 * @param maxBodyBytes        {@code ingest.max.body.bytes}: larger request bodies get 413 (8 MiB)
 * @param maxItems            {@code ingest.max.items}: more items in one request get 413, in one MQTT message a dead letter (20000)
 * @param maxFrameBytes       {@code ingest.max.frame.bytes}: largest frame image; below the broker's 1 MB record limit (900 KiB)
 * @param maxInflightRequests {@code ingest.max.inflight.requests}: more concurrent requests get 429 (32)
 * @param maxInflightBytes    {@code ingest.max.inflight.bytes}: more body bytes held at once get 429 (256 MiB)
 * @param producers           {@code ingest.producers}: transactional producers, i.e. concurrent commits (4)
 * @param kafkaTimeout        {@code ingest.kafka.timeout.ms}: how long a request waits for Kafka before giving up, except that a timed-out commit is retried for up to five times that (4000)
 * @param dedupCapacity       {@code ingest.dedup.capacity}: recent event ids remembered per kind (200000)
 * @param instanceId          {@code ingest.instance.id}: transactional.id prefix, unique per instance (random)
 * @param mqtt                {@code ingest.mqtt.url} (+ {@code .client.id}, {@code .topic.root}): the MQTT bridge, if any
 */
public record IngestSettings(long maxBodyBytes, int maxItems, int maxFrameBytes, int maxInflightRequests, long maxInflightBytes,
                             int producers, Duration kafkaTimeout, int dedupCapacity, String instanceId,
                             Optional<MqttSettings> mqtt) {
    public static final String MQTT_URL = "ingest.mqtt.url";
    private static final String MAX_ITEMS = "ingest.max.items";
    /** Bounds the work (and dead letters, and reply size) one request can cause, whatever its bytes. */
    private static final int DEFAULT_MAX_ITEMS = 20_000;

    /** Settings resolved from configuration, with the defaults above. */
    public static IngestSettings from(ScrapTraceConfig config) {
        long maxBodyBytes = config.getLong("ingest.max.body.bytes", 8L * 1024 * 1024);
        Optional<MqttSettings> mqtt = config.get(MQTT_URL).map(url -> new MqttSettings(url,
                config.get("ingest.mqtt.client.id", "scraptrace-ingest"),
                config.get("ingest.mqtt.topic.root", "scraptrace"),
                (int) Math.min(maxBodyBytes, Integer.MAX_VALUE), config.getInt(MAX_ITEMS, DEFAULT_MAX_ITEMS)));
        return new IngestSettings(maxBodyBytes,
                config.getInt(MAX_ITEMS, DEFAULT_MAX_ITEMS),
                config.getInt("ingest.max.frame.bytes", 900 * 1024),
                config.getInt("ingest.max.inflight.requests", 32),
                config.getLong("ingest.max.inflight.bytes", 256L * 1024 * 1024),
                config.getInt("ingest.producers", 4),
                Duration.ofMillis(config.getLong("ingest.kafka.timeout.ms", 4000)),
                config.getInt("ingest.dedup.capacity", 200_000),
                config.get("ingest.instance.id", "ingest-" + UUID.randomUUID().toString().substring(0, 8)),
                mqtt);
    }
}
