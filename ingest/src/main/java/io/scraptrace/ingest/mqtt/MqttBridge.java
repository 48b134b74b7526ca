package io.scraptrace.ingest.mqtt;

import io.scraptrace.ingest.intake.BodyFormat;
import io.scraptrace.ingest.intake.BodyParser;
import io.scraptrace.ingest.intake.CheckedBatch;
import io.scraptrace.ingest.intake.CheckedItem;
import io.scraptrace.ingest.intake.Intake;
import io.scraptrace.ingest.intake.RawSlice;
import io.scraptrace.ingest.intake.RecordKind;
import io.scraptrace.ingest.intake.RecordKinds;
import io.scraptrace.ingest.publish.KafkaUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds MQTT messages on {@code ROOT/{siteId}/readings} and {@code ROOT/{siteId}/frames} into the
 * same validation and publishing path as HTTP. Payloads take the HTTP body formats (object, array,
 * NDJSON); items for another site than the topic's are rejected to the dead-letter topic (who may
 * publish on which topic is the MQTT broker's ACL's business).
 *
 * <p>Nothing is lost: subscriptions are QoS 1 on a persistent session (clean session off) and a
 * message is acknowledged to the broker only after Kafka committed it. When Kafka does not
 * acknowledge, the handler throws, Paho drops the connection without acknowledging, reconnects, and
 * the broker redelivers the message.
 */
public final class MqttBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttBridge.class);
    private static final int MAX_RECONNECT_DELAY_MS = 5000;

    private final MqttSettings settings;
    private final Intake intake;
    private final RecordKinds kinds;
    private final BodyParser parser;
    private final AtomicBoolean connected = new AtomicBoolean(false);
    private MqttClient client;

    /**
     * @param settings broker, client id, topic root, payload limit
     * @param intake   the shared ingest path
     * @param kinds    record kinds
     */
    public MqttBridge(MqttSettings settings, Intake intake, RecordKinds kinds) {
        this.settings = settings;
        this.parser = new BodyParser(settings.maxItems());
        this.intake = intake;
        this.kinds = kinds;
    }

    /** Connect and subscribe; fails if the MQTT broker cannot be reached now. */
    public void start() {
        try {
            client = new MqttClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
            client.setManualAcks(true);
            client.setCallback(new Callback());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(false);
            options.setAutomaticReconnect(true);
            // A Kafka outage also goes through reconnects (see the class comment): retry every few
            // seconds, not after Paho's default back-off of up to two minutes.
            options.setMaxReconnectDelay(MAX_RECONNECT_DELAY_MS);
            options.setKeepAliveInterval(30);
            client.connect(options);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect to MQTT broker " + settings.serverUri() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the bridge is connected and subscribed. */
    public boolean connected() {
        return connected.get();
    }

    @Override
    public void close() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        } catch (MqttException e) {
            LOG.warn("closing MQTT client: {}", e.getMessage());
        }
        client = null;
    }

    /** Validate and publish one message; returns once Kafka committed it. */
    void handle(String topic, byte[] payload) throws KafkaUnavailableException {
        MqttTopic parsed = MqttTopic.parse(settings.topicRoot(), topic);
        if (parsed == null) {
            LOG.warn("ignoring message on unexpected topic {}", topic);
            return;
        }
        RecordKind<? extends SpecificRecord> kind = parsed.frames() ? kinds.frames() : kinds.readings();
        submit(kind, parsed.siteId(), topic, payload);
    }

    private <T extends SpecificRecord> List<CheckedItem<T>> items(RecordKind<T> kind, byte[] payload) {
        if (payload.length > settings.maxPayloadBytes()) {
            return List.of(CheckedItem.malformed(null, "payload larger than " + settings.maxPayloadBytes() + " bytes",
                    RawSlice.of(payload)));
        }
        List<CheckedItem<T>> items = parser.check(payload, BodyFormat.AUTO, kind, Instant.now());
        if (items.size() > settings.maxItems()) {
            return List.of(CheckedItem.malformed(null, "payload has more than " + settings.maxItems() + " items",
                    RawSlice.of(payload)));
        }
        return items;
    }

    private <T extends SpecificRecord> void submit(RecordKind<T> kind, String siteId, String topic, byte[] payload)
            throws KafkaUnavailableException {
        List<CheckedItem<T>> items = items(kind, payload);
        if (items.isEmpty()) {
            return;
        }
        CheckedBatch<T> batch = new CheckedBatch<>(kind, items)
                .requireSite(siteId, "must equal the site of the MQTT topic " + topic);
        intake.submit(batch, "mqtt:" + topic);
    }

    /** Paho callbacks: (re)subscribe on connect, hand messages to {@link #handle}, acknowledge after Kafka. */
    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // Subscribe on every connect: a broker without persistence forgets subscriptions on restart.
            String[] filters = MqttTopic.filters(settings.topicRoot());
            try {
                client.subscribe(filters, new int[] {1, 1});
                connected.set(true);
                LOG.info("MQTT bridge {} {} and subscribed to {}", reconnect ? "reconnected to" : "connected to",
                        serverUri, String.join(", ", filters));
            } catch (MqttException e) {
                LOG.warn("cannot subscribe on {}: {}", serverUri, e.getMessage());
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            connected.set(false);
            LOG.warn("MQTT connection lost, reconnecting: {}", cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            handle(topic, message.getPayload());
            client.messageArrivedComplete(message.getId(), message.getQos());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // The bridge only subscribes; it publishes nothing.
        }
    }
}
