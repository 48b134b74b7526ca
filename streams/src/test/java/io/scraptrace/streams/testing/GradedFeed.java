package io.scraptrace.streams.testing;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Site;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.schemas.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A reproducible stream of graded readings over a few sites and lots, some of them resent, with
 * the totals the views must arrive at worked out here by plain summation over distinct eventIds.
 * Readings are measured in the last few hours: a broker deletes changelog records of window
 * stores (dedupe) whose timestamps are older than the store's retention, so test data weeks old
 * would not survive a restore.
 */
public final class GradedFeed {
    private static final List<String> GRADES = List.of("FE_HS", "FE_H2", "AL_CAST", "AL_WROUGHT", "CU_NO1", "BM_NMC", "UNCERTAIN");

    private final List<GradedReading> records = new ArrayList<>();
    private final Map<String, Double> tonnesByRegion = new HashMap<>();
    private final Map<String, Set<String>> lotsByRegion = new HashMap<>();
    private final Set<String> eventIds = new HashSet<>();
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));

    /**
     * @param seed        random seed
     * @param sites       sites the lots belong to (lot i belongs to site i mod n)
     * @param lots        number of lots
     * @param readings    number of distinct readings
     * @param resendShare share of readings sent a second time later on
     */
    public GradedFeed(long seed, List<Site> sites, int lots, int readings, double resendShare) {
        Random random = new Random(seed);
        List<GradedReading> resends = new ArrayList<>();
        for (int i = 0; i < readings; i++) {
            int lot = random.nextInt(lots);
            Site site = sites.get(lot % sites.size());
            String grade = GRADES.get(random.nextInt(GRADES.size()));
            double mass = 10 + random.nextInt(490);
            GradedReading reading = Records.graded("ev-" + seed + "-" + i, site.getSiteId(), "LOT-" + seed + "-" + lot, grade, mass,
                    start.plus(Duration.ofSeconds(3L * i)), Map.of("Fe", 50.0, "Ni", 2.0), 0.5 + random.nextDouble() / 2);
            records.add(reading);
            if (random.nextDouble() < resendShare) {
                resends.add(reading);
            }
            if (!resends.isEmpty() && random.nextInt(10) == 0) {
                records.add(resends.remove(0));
            }
            eventIds.add(reading.getEventId());
            tonnesByRegion.merge(site.getRegion(), mass / 1000.0, Double::sum);
            lotsByRegion.computeIfAbsent(site.getRegion(), r -> new HashSet<>()).add(reading.getLotId());
        }
        records.addAll(resends);
    }

    /** When the first reading was measured. */
    public Instant start() {
        return start;
    }

    /** Everything to send, resends included, in sending order. */
    public List<GradedReading> records() {
        return records;
    }

    /** Number of distinct readings: what every view must count. */
    public long distinctReadings() {
        return eventIds.size();
    }

    /** Expected all-time tonnes per region. */
    public Map<String, Double> tonnesByRegion() {
        return tonnesByRegion;
    }

    /** Expected number of lots per region. */
    public Map<String, Integer> lotsByRegion() {
        Map<String, Integer> counts = new HashMap<>();
        lotsByRegion.forEach((region, ids) -> counts.put(region, ids.size()));
        return counts;
    }

    /** Sends {@code readings} keyed by lotId to {@code topic} (the graded topic or a copy of it), each acknowledged. */
    public static void sendAll(ScrapTraceConfig config, String topic, List<GradedReading> readings) throws Exception {
        try (KafkaProducer<String, GradedReading> producer = producer(config, config.topics().graded)) {
            for (GradedReading reading : readings) {
                producer.send(new ProducerRecord<>(topic, reading.getLotId(), reading)).get();
            }
        }
    }

    /** A producer of graded readings (and sites, declarations) with the project's durable settings. */
    public static <V> KafkaProducer<String, V> producer(ScrapTraceConfig config, Topic<String, V> topic) {
        return new KafkaProducer<>(KafkaClients.producer(config, "views-test-" + topic.name()),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** Registers {@code sites} on the sites topic and waits for Kafka to acknowledge them. */
    public static void register(ScrapTraceConfig config, List<Site> sites) throws Exception {
        Topic<String, Site> topic = config.topics().sites;
        try (KafkaProducer<String, Site> producer = producer(config, topic)) {
            for (Site site : sites) {
                producer.send(new ProducerRecord<>(topic.name(), site.getSiteId(), site)).get();
            }
        }
    }

    /** Sends {@code from..to} of the records to the graded topic. */
    public void send(KafkaProducer<String, GradedReading> producer, String topic, int from, int to) {
        for (GradedReading reading : records.subList(from, to)) {
            producer.send(new ProducerRecord<>(topic, reading.getLotId(), reading));
        }
        producer.flush();
    }
}
