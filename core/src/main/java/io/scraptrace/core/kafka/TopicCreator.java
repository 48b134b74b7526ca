package io.scraptrace.core.kafka;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.topics.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the contract topics idempotently: existing topics are left as they are, missing ones are
 * created with the registry's partitions and configs and the configured replication factor.
 * Every service calls it on start so any of them can come up first.
 */
public final class TopicCreator {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

    private TopicCreator() {
    }

    /** Ensure all contract topics exist; returns the names that were created now. */
    public static List<String> ensureTopics(ScrapTraceConfig config) {
        short replication = (short) config.getInt(ScrapTraceConfig.TOPIC_REPLICATION, 1);
        String minIsr = String.valueOf(config.getInt(ScrapTraceConfig.TOPIC_MIN_ISR, 1));
        try (Admin admin = Admin.create(KafkaClients.admin(config))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = config.topics().all().stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> newTopic(t, replication, minIsr))
                    .toList();
            List<String> created = new ArrayList<>();
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    created.add(topic.name());
                    LOG.info("created topic {} ({} partitions, rf {})", topic.name(), topic.numPartitions(), replication);
                } catch (ExecutionException e) {
                    // Another instance (or a listing that lagged a fresh creation) got there first: fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitVisible(admin, created);
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + config.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Wait until every broker can describe the new topics: a client that produces or describes
     * right after creation otherwise meets UnknownTopicOrPartition while metadata propagates.
     */
    private static void awaitVisible(Admin admin, List<String> topics) throws InterruptedException, TimeoutException, ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!topics.isEmpty()) {
            try {
                admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static NewTopic newTopic(Topic<?, ?> topic, short replication, String minIsr) {
        Map<String, String> configs = new HashMap<>(topic.configs());
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr);
        return new NewTopic(topic.name(), topic.partitions(), replication).configs(configs);
    }
}
