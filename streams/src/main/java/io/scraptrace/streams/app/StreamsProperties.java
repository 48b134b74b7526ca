package io.scraptrace.streams.app;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.streams.deadletter.DeadLetterHandler;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Kafka Streams settings of the application: exactly-once v2 (CONTRACT section 7), state under the
 * data directory, this instance's {@code application.server} for interactive-query routing, a
 * standby replica so another instance can take over a store quickly, and RocksDB memory bounded by
 * {@link BoundedRocksDb}. Keys under {@code streams.}
 * that Kafka Streams knows (e.g. {@code streams.num.stream.threads}) override these.
 */
public final class StreamsProperties {
    /** Default application id: every instance of the same deployment shares it. */
    public static final String DEFAULT_APPLICATION_ID = "scraptrace-streams";
    /** Config key: host other instances reach this one's HTTP API on. */
    public static final String ADVERTISED_HOST = "streams.advertised.host";
    /** Default advertised host: right for one machine; set it for several. */
    public static final String DEFAULT_ADVERTISED_HOST = "127.0.0.1";

    /** Default commit interval (Kafka's exactly-once default is 100 ms). */
    public static final long DEFAULT_COMMIT_INTERVAL_MS = 200;

    /** Default record cache shared by the stream threads (Kafka's default is 10 MiB). */
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

    private static final Set<String> CLIENT_PREFIXES = Set.of(StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.ADMIN_CLIENT_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.TOPIC_PREFIX);

    private StreamsProperties() {
    }

    /** The settings for an instance reachable at {@code self}. */
    public static Properties of(ScrapTraceConfig config, HostInfo self) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.dataDir().resolve("streams-state").toAbsolutePath().toString());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        // Output is visible to read_committed readers only when its transaction commits, and a reading
        // crosses two streams commits (before and after the regional repartition): the interval sets
        // the freshness of every view. Since the combiners and the record cache fold updates between
        // commits, 200 ms costs no measurable throughput against 1 s (bench streams, 400k records:
        // 13,653 vs 11,728 records/s, within run-to-run noise) and cut bench e2e's ack->aggregate p99
        // at half load from 2.5 s to 0.95 s. (Before the combiners, 100 ms vs 1 s was 169 vs 620 records/s.)
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
        // A larger record cache folds more updates of the same aggregate before they are logged and sent.
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, DEFAULT_CACHE_BYTES);
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class.getName());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getInt(ScrapTraceConfig.TOPIC_REPLICATION, 1));
        // A killed instance's partitions wait for the group to notice before another takes them over,
        // and queries on them get 503s meanwhile: 10 s instead of the consumer's 45 s default.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        // A record that cannot be decoded goes to the dead-letter topic: it must never stop the pipeline.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.put(DeadLetterHandler.CONFIG, config);
        Set<String> known = StreamsConfig.configDef().names();
        config.kafkaOverrides("streams.").forEach((key, value) -> {
            String name = key.toString();
            // Our own streams.* keys (window grace, dedupe window...) are not Kafka settings.
            if (known.contains(name) || CLIENT_PREFIXES.stream().anyMatch(name::startsWith)) {
                p.put(name, value);
            }
        });
        return p;
    }
}
