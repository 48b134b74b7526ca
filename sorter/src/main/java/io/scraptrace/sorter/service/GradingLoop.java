package io.scraptrace.sorter.service;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.metrics.Metrics;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.sorter.grading.GradeDecider;
import io.scraptrace.sorter.grading.Grader;
import io.scraptrace.sorter.model.ModelSet;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sorter instance: consume readings and frames (read_committed), grade each poll as one
 * micro-batch, and produce graded records and dead letters together with the consumed offsets in
 * one Kafka transaction (exactly once; fenced by consumer-group generation, KIP-447). On an
 * error the transaction is aborted and the consumer rewound to the batch start, so the batch is
 * graded again and still produced once. New model versions are swapped in between transactions.
 */
final class GradingLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(GradingLoop.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long RETRY_BACKOFF_MS = 1_000;

    private final ScrapTraceConfig config;
    private final SorterSettings settings;
    private final String instanceId;
    private final SorterMetrics metrics;
    private final BatchObserver observer;
    private final Topics topics;
    private final GradeDecider decider;
    private volatile boolean running = true;
    private volatile boolean ready;
    private volatile KafkaConsumer<String, byte[]> consumer;

    GradingLoop(ScrapTraceConfig config, SorterSettings settings, String instanceId, SorterMetrics metrics,
                BatchObserver observer) {
        this.config = config;
        this.settings = settings;
        this.instanceId = instanceId;
        this.metrics = metrics;
        this.observer = observer;
        this.topics = config.topics();
        this.decider = new GradeDecider(settings.threshold(), GradeCatalogue.get());
    }

    boolean ready() {
        return ready;
    }

    /** Ask the loop to finish its current batch and stop. */
    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public void run() {
        ModelReloader reloader = new ModelReloader(settings.modelDir(), settings.modelCheck());
        BatchProcessor processor;
        try {
            processor = new BatchProcessor(topics, new Grader(reloader.load(), decider), new FrameCache(settings.frameCacheSize()));
        } catch (IOException | RuntimeException e) {
            LOG.error("sorter {} cannot load its models, not starting: {}", instanceId, e.toString());
            return;
        }
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(SorterClients.consumer(config, settings, settings.groupId(), instanceId), new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(SorterClients.producer(config, instanceId), new StringSerializer(), new ByteArraySerializer());
             Metrics.Binding clientMetrics = metrics.registry.bind(c, producer)) {
            consumer = c;
            producer.initTransactions();
            c.subscribe(List.of(topics.readings.name(), topics.frames.name()));
            ready = true;
            LOG.info("sorter {} grading {} with {}", instanceId, topics.readings.name(), processor.grader().models().describe());
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(POLL);
                if (!records.isEmpty()) {
                    gradeInTransaction(records, System.nanoTime(), processor, c, producer);
                }
                reloader.reloadIfChanged().ifPresent(models -> swapModels(processor, models));
            }
        } catch (WakeupException | InterruptException e) {
            // stop() woke the consumer up: leave the loop.
        } catch (ProducerFencedException e) {
            LOG.error("sorter {} was fenced by a newer instance with its transactional id; stopping", instanceId);
        } finally {
            ready = false;
            consumer = null;
            closeGrader(processor.grader());
        }
    }

    private void gradeInTransaction(ConsumerRecords<String, byte[]> records, long polledNanos, BatchProcessor processor,
                                    KafkaConsumer<String, byte[]> c, KafkaProducer<String, byte[]> producer) {
        producer.beginTransaction();
        try {
            BatchProcessor.Output output = processor.process(records, Instant.now());
            for (ProducerRecord<String, byte[]> record : output.records()) {
                producer.send(record);
            }
            producer.sendOffsetsToTransaction(nextOffsets(records), c.groupMetadata());
            producer.commitTransaction();
            metrics.record(output);
            observer.committed(records.count(), polledNanos, System.nanoTime());
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException | IllegalStateException e) {
            LOG.warn("sorter {} aborting a batch of {} records, will grade it again: {}", instanceId, records.count(), e.toString());
            metrics.aborted.inc();
            producer.abortTransaction();
            rewind(records, c);
            sleepBeforeRetry();
        }
    }

    private void swapModels(BatchProcessor processor, ModelSet models) {
        Grader previous = processor.swap(new Grader(models, decider));
        closeGrader(previous);
        metrics.reloads.inc();
        LOG.info("sorter {} now grading with {}", instanceId, models.describe());
    }

    private static void closeGrader(Grader grader) {
        grader.close();
        grader.models().close();
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> partitionRecords = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(partitionRecords.get(partitionRecords.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static void rewind(ConsumerRecords<String, byte[]> records, KafkaConsumer<String, byte[]> c) {
        for (TopicPartition partition : records.partitions()) {
            c.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private void sleepBeforeRetry() {
        try {
            Thread.sleep(RETRY_BACKOFF_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
