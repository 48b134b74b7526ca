package io.scraptrace.streams.app;

import static io.scraptrace.streams.testing.StreamsInstance.REGULATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Site;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.testing.GradedFeed;
import io.scraptrace.streams.testing.Records;
import io.scraptrace.streams.testing.StreamsInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once across a restart: the instance is stopped while readings (some resent) are still
 * being produced and started again on the same state directory; afterwards every view counts each
 * distinct reading exactly once.
 */
class RestartExactlyOnceTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final List<Site> SITES = List.of(Records.site("S1", "JP-13"), Records.site("S2", "JP-14"));
    private static final int CHUNK = 30;

    @TempDir
    Path dir;

    @Test
    void totalsEqualTheDistinctReadingsSentAfterAStopMidStream() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()));
            Topics topics = config.topics();
            TopicCreator.ensureTopics(config);
            try (KafkaProducer<String, Site> sites = GradedFeed.producer(config, topics.sites)) {
                SITES.forEach(s -> sites.send(new ProducerRecord<>(topics.sites.name(), s.getSiteId(), s)));
            }
            GradedFeed feed = new GradedFeed(11, SITES, 40, 3000, 0.05);
            int total = feed.records().size();
            assertTrue(total > feed.distinctReadings(), "the feed must contain resends");
            Path state = dir.resolve("instance");
            Map<String, String> settings = Map.of("streams.commit.interval.ms", "100");

            StreamsInstance first = StreamsInstance.start(kafka.bootstrapServers(), state, settings).awaitRunning(WAIT);
            AtomicInteger sent = new AtomicInteger();
            CountDownLatch stopping = new CountDownLatch(1);
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
                try (KafkaProducer<String, GradedReading> producer = GradedFeed.producer(config, topics.graded)) {
                    for (int from = 0; from < total; from += CHUNK) {
                        if (from >= total / 2) {
                            // The second half flows while the instance shuts down and comes back.
                            stopping.await();
                        }
                        int to = Math.min(total, from + CHUNK);
                        feed.send(producer, topics.graded.name(), from, to);
                        sent.set(to);
                        Thread.sleep(50);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long countedBeforeStop = awaitReadings(first, n -> n > 0);
            int sentAtStop = sent.get();
            stopping.countDown();
            first.close();
            assertTrue(sentAtStop < total, "the instance must stop mid-stream (sent " + sentAtStop + " of " + total + ")");
            assertTrue(countedBeforeStop < feed.distinctReadings());

            try (StreamsInstance second = StreamsInstance.start(kafka.bootstrapServers(), state, settings).awaitRunning(WAIT)) {
                producing.get();
                assertEquals(feed.distinctReadings(), awaitReadings(second, n -> n >= feed.distinctReadings()));
                // Give a double count time to show before the final comparison.
                Thread.sleep(2000);
                JsonNode all = second.client.ok("/v1/aggregates/regions?window=all", REGULATOR);
                assertEquals(feed.distinctReadings(), sum(all, "readings"));
                Map<String, Double> tonnes = new HashMap<>();
                Map<String, Integer> lots = new HashMap<>();
                all.path("aggregates").forEach(n -> {
                    tonnes.put(n.path("region").asText(), n.path("totalTonnes").asDouble());
                    lots.put(n.path("region").asText(), n.path("lots").asInt());
                });
                feed.tonnesByRegion().forEach((region, t) -> assertEquals(t, tonnes.get(region), 1e-6, region));
                assertEquals(feed.lotsByRegion(), lots);

                Set<String> lotIds = new HashSet<>();
                feed.records().forEach(r -> lotIds.add(r.getLotId()));
                long lotReadings = 0;
                for (String lotId : lotIds) {
                    lotReadings += second.client.ok("/v1/lots/" + lotId, REGULATOR).path("readings").asLong();
                }
                assertEquals(feed.distinctReadings(), lotReadings);
                double intakeKg = 0;
                for (Site site : SITES) {
                    intakeKg += second.client.ok("/v1/sites/" + site.getSiteId() + "/balance", REGULATOR).path("intakeKg").asDouble();
                }
                double expectedKg = feed.tonnesByRegion().values().stream().mapToDouble(Double::doubleValue).sum() * 1000;
                assertEquals(expectedKg, intakeKg, 1e-6);
            }
        }
    }

    private static long awaitReadings(StreamsInstance instance, LongPredicate done) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        long counted = -1;
        while (Instant.now().isBefore(deadline)) {
            counted = sum(instance.client.ok("/v1/aggregates/regions?window=all", REGULATOR), "readings");
            if (done.test(counted)) {
                return counted;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gave up waiting; counted " + counted + " readings");
    }

    private static long sum(JsonNode aggregates, String field) {
        long total = 0;
        for (JsonNode n : aggregates.path("aggregates")) {
            total += n.path(field).asLong();
        }
        return total;
    }
}
