package io.scraptrace.streams.sse;

import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import io.scraptrace.avro.Alert;
import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.Auth;
import io.scraptrace.core.http.Routes;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.query.AggregateViews;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/stream}: server-sent events of aggregate updates ({@code event: aggregate}) and
 * new alerts with at least one reason ({@code event: alert}). It tails the committed output of the
 * aggregates and alerts topics from their end with a group-less consumer, so every instance feeds
 * its own clients whatever partitions it processes. Operators get only their regions' aggregates;
 * alerts go to regulators only.
 */
public final class LiveFeed implements Routes, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    private static final String PRINCIPAL = "scraptrace.principal";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long HEARTBEAT_MS = 15_000;

    private record Subscriber(SseClient client, Principal principal) {
    }

    private final ScrapTraceConfig config;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public LiveFeed(ScrapTraceConfig config) {
        this.config = config;
    }

    @Override
    public void register(Javalin app, Auth auth) {
        // Auth runs before the stream opens so a bad token still gets a JSON 401/403.
        app.before("/v1/stream", ctx -> ctx.attribute(PRINCIPAL, auth.require(ctx, Role.OPERATOR, Role.REGULATOR)));
        app.sse("/v1/stream", client -> {
            Subscriber subscriber = new Subscriber(client, client.ctx().attribute(PRINCIPAL));
            client.keepAlive();
            client.onClose(() -> subscribers.remove(subscriber));
            subscribers.add(subscriber);
            client.sendComment("connected");
        });
    }

    /** Number of connected clients. */
    public int clients() {
        return subscribers.size();
    }

    /** Starts tailing the topics. */
    public synchronized void start() {
        Properties props = KafkaClients.consumer(config, null);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        thread = new Thread(this::run, "views-live-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Topics topics = config.topics();
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(topics.aggregates.name(), topics.alerts.name())) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            long lastBeat = System.currentTimeMillis();
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    try {
                        publish(topics, record);
                    } catch (SerializationException e) {
                        LOG.warn("skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
                    }
                }
                if (System.currentTimeMillis() - lastBeat > HEARTBEAT_MS) {
                    // A comment also finds clients that went away without closing.
                    subscribers.forEach(s -> s.client().sendComment("heartbeat"));
                    lastBeat = System.currentTimeMillis();
                }
            }
        } catch (WakeupException e) {
            // close() woke us up: done.
        } catch (RuntimeException e) {
            LOG.error("live feed stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void publish(Topics topics, ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        if (record.topic().equals(topics.aggregates.name())) {
            RegionAggregate aggregate = topics.aggregates.valueSerde().deserializer().deserialize(record.topic(), record.value());
            String data = AggregateViews.render(aggregate).toString();
            subscribers.stream()
                    .filter(s -> s.principal().is(Role.REGULATOR) || s.principal().covers(aggregate.getRegion()))
                    .forEach(s -> s.client().sendEvent("aggregate", data));
        } else {
            Alert alert = topics.alerts.valueSerde().deserializer().deserialize(record.topic(), record.value());
            if (alert.getReasons().isEmpty()) {
                return;
            }
            String data = AvroJson.toJsonLine(alert);
            subscribers.stream().filter(s -> s.principal().is(Role.REGULATOR)).forEach(s -> s.client().sendEvent("alert", data));
        }
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscribers.forEach(s -> s.client().close());
        subscribers.clear();
    }
}
