package io.scraptrace.sorter.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Label;
import io.scraptrace.avro.Reading;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.sorter.model.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels on a real broker joined with the readings they name, then trained on beside synthetic data. */
class FloorLabelsIT {
    @Test
    void labelsOnTheTopicJoinTheirReadingsAndTheModelCardNamesBothSources(@TempDir Path dataDir, @TempDir Path models) throws Exception {
        List<String> codes = GradeCatalogue.get().codes();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()));
            TopicCreator.ensureTopics(config);
            Topics topics = config.topics();
            send(config, topics.readings, List.of(FloorLabelsTest.reading("E-1", "L-1"), FloorLabelsTest.reading("E-2", "L-1"),
                    FloorLabelsTest.reading("E-3", "L-2"), FloorLabelsTest.reading("E-4", "L-UNLABELLED")), Reading::getLotId);
            send(config, topics.labels, List.of(
                    FloorLabelsTest.label("a", "L-1", null, codes.get(0), "2026-11-29T09:00:00Z"),
                    FloorLabelsTest.label("b", "L-1", "E-2", codes.get(1), "2026-11-29T09:05:00Z"),
                    FloorLabelsTest.label("c", "L-2", "E-3", codes.get(2), "2026-11-29T09:00:00Z"),
                    FloorLabelsTest.label("d", "L-2", "E-3", codes.get(3), "2026-11-29T09:10:00Z")), Label::getLotId);

            LabelledReadings floor = FloorLabels.read(config);

            Map<String, String> grades = new HashMap<>();
            for (int i = 0; i < floor.readings().size(); i++) {
                grades.put(floor.readings().get(i).getEventId(), floor.labels().get(i));
            }
            assertEquals(Map.of("E-1", codes.get(0), "E-2", codes.get(1), "E-3", codes.get(3)), grades);
            assertEquals(3, floor.readings().size(), "each labelled reading once");

            LabelledReadings mixed = FloorLabels.mix(SyntheticData.generate(200, 1, false, CorruptionRates.NONE).readings(), floor);
            TrainingRun.Result result = TrainingRun.sensor(mixed, new TrainingOptions(1, 64, 0.01f, 1), models, e -> {
            });
            String card = Files.readString(result.directory().resolve(ModelFiles.CARD));
            assertTrue(card.contains("- Source: synthetic: "), card);
            assertTrue(card.contains("- Source: labels: scrap.labels + scrap.readings at " + kafka.bootstrapServers()
                    + ", 4 labels (3 of readings, 1 of lots), 1 superseded"), card);
            assertTrue(card.contains("3 labelled readings"), card);
        }
    }

    private static <V> void send(ScrapTraceConfig config, Topic<String, V> topic, List<V> values, java.util.function.Function<V, String> key) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(config, "test-producer"),
                new StringSerializer(), new ByteArraySerializer())) {
            values.forEach(v -> producer.send(new ProducerRecord<>(topic.name(), key.apply(v),
                    topic.valueSerde().serializer().serialize(topic.name(), v))));
            producer.flush();
        }
    }
}
