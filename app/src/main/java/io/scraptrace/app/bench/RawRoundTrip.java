package io.scraptrace.app.bench;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The transport's limit on this box: the same number of records of the same size produced
 * (acks=all, idempotent, as ingest does) and consumed back (read_committed) on the same broker,
 * timed from the first send to the last record read.
 */
final class RawRoundTrip {
    private RawRoundTrip() {
    }

    /** Records per second through produce -> consume. */
    static double measure(ScrapTraceConfig config, int records, int recordBytes) throws Exception {
        String topic = "bench-raw-" + System.currentTimeMillis();
        try (Admin admin = Admin.create(KafkaClients.admin(config))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        byte[] value = new byte[recordBytes];
        try (var consumer = new KafkaConsumer<>(KafkaClients.consumer(config, null), new ByteArrayDeserializer(), new ByteArrayDeserializer());
             var producer = new KafkaProducer<>(KafkaClients.producer(config, "bench-raw"), new StringSerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            consumer.poll(Duration.ofMillis(100));
            long start = System.nanoTime();
            // Read while writing, as a pipeline stage would.
            CompletableFuture<Long> reading = CompletableFuture.supplyAsync(() -> {
                long read = 0;
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (read < records && System.nanoTime() < deadline) {
                    read += consumer.poll(Duration.ofMillis(100)).count();
                }
                return read;
            });
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "L" + (i / 50), value));
            }
            producer.flush();
            long read = reading.get();
            return read * 1e9 / (System.nanoTime() - start);
        }
    }
}
