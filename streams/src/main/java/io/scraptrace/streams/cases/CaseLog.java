package io.scraptrace.streams.cases;

import io.scraptrace.avro.Case;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiException;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicEnd;
import io.scraptrace.schemas.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * The cases topic read up to its end offsets whenever a case is asked for: the latest case of a
 * declaration as Kafka holds it at that moment. The global cases store cannot answer that: it
 * shows a record only once its own consumer has read it, so right after a declaration changed
 * owner the previous owner's last write may not be in the new owner's store yet, and a change
 * appended to the stale case would drop it. The case writer asks here, under its per-case lock.
 */
final class CaseLog implements AutoCloseable {
    private final Topic<String, Case> topic;
    private final Consumer<String, Case> consumer;
    private final Duration timeout;
    private final Map<String, Case> latest = new HashMap<>();
    private List<TopicPartition> partitions;

    /** @param timeout how long one catch-up may take before the change is refused (503) */
    CaseLog(ScrapTraceConfig config, Duration timeout) {
        this.topic = config.topics().cases;
        // No group: every instance reads the whole topic, and nothing is committed.
        this.consumer = new KafkaConsumer<>(KafkaClients.consumer(config, null),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        this.timeout = timeout;
    }

    /** The latest case of {@code declarationId} on the topic, once everything written before this call has been read. */
    synchronized Optional<Case> latest(String declarationId) {
        try {
            if (partitions == null) {
                partitions = TopicEnd.assignFromBeginning(consumer, topic.name(), timeout);
            }
            boolean read = TopicEnd.readTo(consumer, partitions, timeout, record -> {
                if (record.value() == null) {
                    latest.remove(record.key());
                } else {
                    latest.put(record.key(), record.value());
                }
            });
            if (!read) {
                throw new ApiException(503, "the cases topic could not be read to its end within " + timeout
                        + ": nothing was recorded, try again");
            }
        } catch (KafkaException e) {
            throw new ApiException(503, "the cases topic cannot be read, nothing was recorded: " + e.getMessage());
        }
        return Optional.ofNullable(latest.get(declarationId));
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(10));
    }
}
