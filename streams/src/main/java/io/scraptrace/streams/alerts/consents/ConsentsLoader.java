package io.scraptrace.streams.alerts.consents;

import io.scraptrace.avro.BaselConsent;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicEnd;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.streams.alerts.model.Consent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the compacted consents topic from a consents file at start: publishes each consent whose
 * consentId has never been on the topic. A consent already there - changed or revoked by a
 * tombstone since - is left alone, so a restart never undoes a regulator's revocation.
 */
public final class ConsentsLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConsentsLoader.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Config key: path of the consents file; unset = the bundled default. */
    public static final String CONSENTS_FILE = "alerts.consents.file";

    private ConsentsLoader() {
    }

    /** Publishes the consents of the file named by {@link #CONSENTS_FILE} (bundled default if unset). */
    public static List<String> publish(ScrapTraceConfig config) {
        return publish(config, config.get(CONSENTS_FILE).map(Path::of).orElse(null));
    }

    /**
     * Publishes the consents of {@code file} (the bundled default when null) that are absent from
     * {@code config.topics().consents}; the topic must exist. Returns the consentIds published.
     */
    public static List<String> publish(ScrapTraceConfig config, Path file) {
        Topic<String, BaselConsent> topic = config.topics().consents;
        Set<String> present = keysOnTopic(config, topic.name());
        List<Consent> missing = ConsentsFile.read(file).stream().filter(c -> !present.contains(c.consentId())).toList();
        try (KafkaProducer<String, BaselConsent> producer = new KafkaProducer<>(KafkaClients.producer(config, "alerts-consents-loader"),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            List<Future<RecordMetadata>> sent = missing.stream()
                    .map(c -> producer.send(new ProducerRecord<>(topic.name(), c.consentId(), c.toAvro())))
                    .toList();
            for (Future<RecordMetadata> ack : sent) {
                ack.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing consents", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish consents to " + topic.name() + ": " + e.getMessage(), e);
        }
        List<String> ids = missing.stream().map(Consent::consentId).toList();
        LOG.info("consents: {} published to {}, {} already there", ids.size(), topic.name(), present.size());
        return ids;
    }

    /** Every key ever written to the topic and still retained (tombstoned keys included). */
    private static Set<String> keysOnTopic(ScrapTraceConfig config, String topicName) {
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, null),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TopicEnd.assignFromBeginning(consumer, topicName, TIMEOUT);
            if (!TopicEnd.readTo(consumer, partitions, TIMEOUT, record -> keys.add(record.key()))) {
                throw new IllegalStateException("timed out reading " + topicName);
            }
        }
        return keys;
    }
}
