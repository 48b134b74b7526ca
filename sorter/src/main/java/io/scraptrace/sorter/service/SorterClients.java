package io.scraptrace.sorter.service;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka client settings of a grading loop; public so the benchmark's raw transport baseline runs
 * with exactly the same ones.
 */
public final class SorterClients {
    private SorterClients() {
    }

    /** read_committed consumer in {@code groupId}, polling up to {@link SorterSettings#maxBatch()} records. */
    public static Properties consumer(ScrapTraceConfig config, SorterSettings settings, String groupId, String instanceId) {
        Properties p = KafkaClients.consumer(config, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "sorter-" + instanceId);
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(settings.maxBatch()));
        // Range assignment gives one instance the same partition of readings and frames: both are
        // keyed by lotId, so a reading and its frame meet in the same instance's frame cache.
        p.putIfAbsent(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        return p;
    }

    /** Transactional producer (acks=all, idempotent) with an id unique to the instance. */
    public static Properties producer(ScrapTraceConfig config, String instanceId) {
        Properties p = KafkaClients.producer(config, "sorter-" + instanceId);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "scraptrace-sorter-" + instanceId);
        return p;
    }
}
