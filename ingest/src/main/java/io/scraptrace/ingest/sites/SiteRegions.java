package io.scraptrace.ingest.sites;

import io.scraptrace.avro.Site;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.schemas.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The region of every registered site, so that an operator (scoped by region) can be checked
 * against a record that names only its site. Read from the compacted sites topic, the registry
 * every service shares, by a background consumer of the whole topic (no consumer group: every
 * instance needs every site), committed records only.
 *
 * <p>A lookup that misses waits until the reader has caught up with the topic's end as of the
 * lookup, so a site registered (and acknowledged) before a request is known to that request.
 * Thread-safe.
 */
public final class SiteRegions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SiteRegions.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Topic<String, Site> topic;
    private final Properties consumerProperties;
    private final Duration lookupTimeout;
    private final Map<String, String> regions = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    /** When the end offsets that the reader has since reached were asked for; null before the first catch-up. */
    private Instant caughtUpAsOf;
    /** The latest time a waiting lookup needs the reader caught up to; asking for end offsets costs a request, so only then. */
    private Instant wantedAsOf;
    private volatile boolean running;
    private Thread reader;
    private volatile KafkaConsumer<String, byte[]> consumer;

    /**
     * @param config        where the brokers are and the client overrides
     * @param topic         the sites topic
     * @param lookupTimeout how long a lookup of an unknown site waits for the reader to catch up
     */
    public SiteRegions(ScrapTraceConfig config, Topic<String, Site> topic, Duration lookupTimeout) {
        this.topic = topic;
        this.lookupTimeout = lookupTimeout;
        this.consumerProperties = KafkaClients.consumer(config, null);
        consumerProperties.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-site-regions");
    }

    /** Start reading the topic (which must exist) from its beginning. */
    public void start() {
        running = true;
        reader = new Thread(this::run, "ingest-site-regions");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The region of {@code siteId} as registered by {@code asOf} (normally when the request
     * arrived); empty when the site is not registered, or the registry could not be read in time.
     */
    public Optional<String> regionOf(String siteId, Instant asOf) {
        String region = regions.get(siteId);
        if (region != null || !awaitCaughtUp(asOf)) {
            return Optional.ofNullable(region);
        }
        return Optional.ofNullable(regions.get(siteId));
    }

    private boolean awaitCaughtUp(Instant asOf) {
        long deadline = System.nanoTime() + lookupTimeout.toNanos();
        synchronized (progress) {
            if (wantedAsOf == null || wantedAsOf.isBefore(asOf)) {
                wantedAsOf = asOf;
            }
            while (caughtUpAsOf == null || caughtUpAsOf.isBefore(asOf)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(topic.name()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(partitions);
                c.seekToBeginning(partitions);
                while (running) {
                    Instant asked = Instant.now();
                    Map<TopicPartition, Long> end = catchUpWanted() ? c.endOffsets(partitions) : null;
                    c.poll(POLL).forEach(this::apply);
                    if (end != null && partitions.stream().allMatch(p -> c.position(p) >= end.get(p))) {
                        synchronized (progress) {
                            caughtUpAsOf = asked;
                            progress.notifyAll();
                        }
                    }
                }
            } catch (WakeupException e) {
                // close(): leave the loop.
            } catch (RuntimeException e) {
                LOG.warn("reading {} failed, retrying in {}: {}", topic.name(), RETRY, e.toString());
                sleep(RETRY);
            } finally {
                consumer = null;
            }
        }
    }

    private boolean catchUpWanted() {
        synchronized (progress) {
            return caughtUpAsOf == null || wantedAsOf != null && caughtUpAsOf.isBefore(wantedAsOf);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            regions.remove(record.key());
            return;
        }
        try {
            regions.put(record.key(), topic.valueSerde().deserializer().deserialize(record.topic(), record.value()).getRegion());
        } catch (RuntimeException e) {
            // Ingest validated what it wrote; anything else is not ours to stop on.
            LOG.warn("skipping undecodable site {} at {}-{}@{}: {}", record.key(), record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
