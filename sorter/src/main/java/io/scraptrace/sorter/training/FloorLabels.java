package io.scraptrace.sorter.training;

import io.scraptrace.avro.Label;
import io.scraptrace.avro.Reading;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Grades confirmed or corrected on the floor as sensor-model training data: the labels topic
 * joined with the readings they name on the readings topic. A reading label names its lot and
 * {@code eventId}; a lot label (no {@code eventId}) labels every reading of its lot. When several
 * labels apply to a reading, the latest by {@code labelledAt} wins (the later one on the topic
 * on a tie), whether it names the reading or its lot: the last person to judge saw the most.
 *
 * <p>Both topics are read from their beginning to their end as of the start (committed records
 * only), so a run trains on a fixed snapshot. Readings are keyed by lot, so only the records of
 * labelled lots are decoded.
 */
public final class FloorLabels {
    /** Separates the descriptions of mixed sources (the model card lists each). */
    static final String SOURCES_SEPARATOR = "; ";
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

    private FloorLabels() {
    }

    /** The labelled readings on the brokers of {@code config}, described with their counts. */
    public static LabelledReadings read(ScrapTraceConfig config) {
        Topics topics = config.topics();
        List<Label> labels = new ArrayList<>();
        readToEnd(config, topics.labels, record -> labels.add(decode(topics.labels, record)));
        Set<String> lots = new HashSet<>();
        labels.forEach(label -> lots.add(label.getLotId()));
        List<Reading> readings = new ArrayList<>();
        readToEnd(config, topics.readings, record -> {
            if (lots.contains(record.key())) {
                readings.add(decode(topics.readings, record));
            }
        });
        return join(labels, readings, topics.labels.name() + " + " + topics.readings.name() + " at " + config.bootstrapServers());
    }

    /**
     * Each reading that a label applies to, with the grade of the latest such label.
     *
     * @param labels   labels in topic order
     * @param readings readings (a resent eventId of a lot counts once)
     * @param origin   where they were read, for the description
     */
    static LabelledReadings join(List<Label> labels, List<Reading> readings, String origin) {
        Map<String, Ranked> byReading = new HashMap<>();
        Map<String, Ranked> byLot = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            Label label = labels.get(i);
            Ranked ranked = new Ranked(label, i);
            if (label.getEventId() == null) {
                byLot.merge(label.getLotId(), ranked, Ranked::later);
            } else {
                byReading.merge(readingKey(label.getLotId(), label.getEventId()), ranked, Ranked::later);
            }
        }
        List<Reading> labelled = new ArrayList<>();
        List<String> grades = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> lotsSeen = new HashSet<>();
        for (Reading reading : readings) {
            String key = readingKey(reading.getLotId(), reading.getEventId());
            Ranked own = byReading.get(key);
            Ranked lot = byLot.get(reading.getLotId());
            Ranked winner = own == null ? lot : lot == null ? own : own.later(lot);
            if (winner != null && seen.add(key)) {
                labelled.add(reading);
                grades.add(winner.label().getGrade());
                lotsSeen.add(reading.getLotId());
            }
        }
        long lotLabels = labels.stream().filter(l -> l.getEventId() == null).count();
        long unmatched = byReading.keySet().stream().filter(key -> !seen.contains(key)).count()
                + byLot.keySet().stream().filter(lotId -> !lotsSeen.contains(lotId)).count();
        String description = String.format(Locale.ROOT,
                "labels: %s, %d labels (%d of readings, %d of lots), %d superseded by a later label of the same reading or lot, "
                        + "%d labelled readings or lots not found, %d labelled readings", origin, labels.size(), labels.size() - lotLabels, lotLabels,
                labels.size() - byReading.size() - byLot.size(), unmatched, labelled.size());
        return new LabelledReadings(labelled, grades, description);
    }

    /** {@code base} and then {@code more}, both sources named in the description. */
    public static LabelledReadings mix(LabelledReadings base, LabelledReadings more) {
        List<Reading> readings = new ArrayList<>(base.readings());
        readings.addAll(more.readings());
        List<String> grades = new ArrayList<>(base.labels());
        grades.addAll(more.labels());
        return new LabelledReadings(readings, grades, base.description() + SOURCES_SEPARATOR + more.description());
    }

    private static String readingKey(String lotId, String eventId) {
        return lotId + '\u0000' + eventId;
    }

    private static <V> V decode(Topic<String, V> topic, ConsumerRecord<String, byte[]> record) {
        return topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }

    private static void readToEnd(ScrapTraceConfig config, Topic<String, ?> topic, Consumer<ConsumerRecord<String, byte[]>> sink) {
        var properties = KafkaClients.consumer(config, null);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "train-floor-labels");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to its end within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.value() != null) {
                        sink.accept(record);
                    }
                });
            }
        }
    }

    /** A label and its position on the topic, to break ties of {@code labelledAt}. */
    private record Ranked(Label label, int position) {
        Ranked later(Ranked other) {
            int byTime = label.getLabelledAt().compareTo(other.label.getLabelledAt());
            return byTime > 0 || byTime == 0 && position > other.position ? this : other;
        }
    }
}
