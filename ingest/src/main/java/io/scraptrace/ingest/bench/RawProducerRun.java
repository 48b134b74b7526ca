package io.scraptrace.ingest.bench;

import io.scraptrace.avro.Reading;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.schemas.topics.Topic;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baseline: the same readings sent by one plain KafkaProducer with the project's settings
 * (acks=all, idempotent, lz4), Avro encoding included, as fast as it goes.
 */
final class RawProducerRun {
    private RawProducerRun() {
    }

    /**
     * Send {@code warmUp} (connecting, fetching metadata, warming the JIT), then time sending
     * {@code measured} until every record is acknowledged.
     */
    static Measurement run(ScrapTraceConfig config, Topic<String, Reading> topic, List<Reading> warmUp, List<Reading> measured) {
        try (KafkaProducer<String, Reading> producer = new KafkaProducer<>(KafkaClients.producer(config, "bench-raw"),
                new StringSerializer(), topic.valueSerde().serializer())) {
            sendAll(producer, topic, warmUp);
            Measurement.Start start = Measurement.start();
            sendAll(producer, topic, measured);
            return start.stop();
        }
    }

    private static void sendAll(KafkaProducer<String, Reading> producer, Topic<String, Reading> topic, List<Reading> readings) {
        for (Reading reading : readings) {
            producer.send(new ProducerRecord<>(topic.name(), reading.getLotId(), reading), (metadata, e) -> {
                if (e != null) {
                    throw new IllegalStateException("raw producer send failed", e);
                }
            });
        }
        producer.flush();
    }
}
