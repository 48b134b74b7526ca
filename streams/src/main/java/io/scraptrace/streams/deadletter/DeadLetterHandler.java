package io.scraptrace.streams.deadletter;

import io.scraptrace.avro.DeadLetter;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.schemas.topics.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an input record that cannot be decoded to the dead-letter topic with the reason and its
 * source topic, partition and offset, then lets processing continue (CONTRACT section 7). A
 * retriable failure (the schema registry unreachable) is not the record's fault: it fails the
 * stream thread instead, which is replaced and resumes from the last commit. The
 * producer is created on the first bad record only, so a healthy pipeline carries no extra client.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {
    /** Settings key the streams properties carry the resolved ScrapTrace configuration under. */
    public static final String CONFIG = "scraptrace.config";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);
    private static final int MAX_PAYLOAD = 64 * 1024;

    private ScrapTraceConfig config;
    private KafkaProducer<String, DeadLetter> producer;

    @Override
    public void configure(Map<String, ?> configs) {
        this.config = (ScrapTraceConfig) configs.get(CONFIG);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            // The schema registry being unreachable says nothing about the record: the replaced
            // stream thread reads it again from the last commit.
            LOG.warn("cannot decode {}-{}@{} for now: {}", record.topic(), record.partition(), record.offset(), exception.getMessage());
            return DeserializationHandlerResponse.FAIL;
        }
        LOG.warn("undecodable record {}-{}@{} sent to the dead-letter topic: {}", record.topic(), record.partition(), record.offset(),
                exception.getMessage());
        try {
            Topic<String, DeadLetter> topic = config.topics().deadLetter;
            DeadLetter letter = of(record, exception, Instant.now());
            producer().send(new ProducerRecord<>(topic.name(), letter.getKey(), letter));
        } catch (RuntimeException e) {
            // The dead-letter topic being unavailable must not stop the pipeline either.
            LOG.error("could not write dead letter for {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
        }
        return DeserializationHandlerResponse.CONTINUE;
    }

    /** The dead letter describing {@code record}, which failed with {@code exception}. */
    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record, Exception exception, Instant now) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return DeadLetter.newBuilder()
                .setSource(record.topic()).setPartition(record.partition()).setOffset(record.offset())
                .setKey(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8))
                .setReason(String.valueOf(exception.getMessage())).setStage("streams")
                .setPayload(ByteBuffer.wrap(Arrays.copyOf(value, Math.min(value.length, MAX_PAYLOAD))))
                .setTimestamp(now).build();
    }

    private synchronized KafkaProducer<String, DeadLetter> producer() {
        if (producer == null) {
            Topic<String, DeadLetter> topic = config.topics().deadLetter;
            producer = new KafkaProducer<>(KafkaClients.producer(config, "streams-deadletter"),
                    topic.keySerde().serializer(), topic.valueSerde().serializer());
        }
        return producer;
    }
}
