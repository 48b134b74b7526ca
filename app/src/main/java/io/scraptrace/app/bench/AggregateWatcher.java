package io.scraptrace.app.bench;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.schemas.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows one region's all-time aggregate on {@code scrap.aggregates} and remembers when each
 * reading count was first published: the moment a reading became visible to operators.
 */
final class AggregateWatcher implements AutoCloseable {
    /** One published update: when it was seen and the region's reading count then. */
    record Update(long nanos, long readings) {
    }

    private final String region;
    private final List<Update> updates = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    AggregateWatcher(ScrapTraceConfig config, String region) {
        this.region = region;
        Topic<String, RegionAggregate> topic = config.topics().aggregates;
        KafkaConsumer<String, RegionAggregate> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, null),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, RegionAggregate> record : consumer.poll(Duration.ofMillis(20))) {
                        RegionAggregate a = record.value();
                        if (a != null && region.equals(a.getRegion()) && "all".equals(a.getWindow())) {
                            record(a.getReadings());
                        }
                    }
                }
            }
        }, "aggregate-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void record(long readings) {
        if (updates.isEmpty() || readings > updates.get(updates.size() - 1).readings()) {
            updates.add(new Update(System.nanoTime(), readings));
            notifyAll();
        }
    }

    /** The highest reading count published so far. */
    synchronized long readings() {
        return updates.isEmpty() ? 0 : updates.get(updates.size() - 1).readings();
    }

    /** Wait until the region's count reaches {@code target}; returns when it did (nanoTime). */
    synchronized long awaitReadings(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (readings() < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("aggregate of " + region + " stuck at " + readings() + " of " + target + " readings");
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return firstAtLeast(target);
    }

    /** When the count first reached {@code readings} (nanoTime), or -1 if it has not. */
    synchronized long firstAtLeast(long readings) {
        int lo = 0;
        int hi = updates.size() - 1;
        long found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (updates.get(mid).readings() >= readings) {
                found = updates.get(mid).nanos();
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
