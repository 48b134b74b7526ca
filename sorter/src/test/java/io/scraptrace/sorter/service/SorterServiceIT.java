package io.scraptrace.sorter.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.DeadLetter;
import io.scraptrace.avro.Frame;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Reading;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.core.metrics.Metrics;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.specimens.FrameRenderer;
import io.scraptrace.specimens.LabelledPiece;
import io.scraptrace.specimens.PieceGenerator;
import io.scraptrace.specimens.SensorMix;
import io.scraptrace.sorter.grading.GradeDecider;
import io.scraptrace.sorter.training.SyntheticData;
import io.scraptrace.sorter.training.TrainingOptions;
import io.scraptrace.sorter.training.TrainingRun;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sorter on a real embedded broker, with the default model shipped in the jar. */
class SorterServiceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dataDir);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static ScrapTraceConfig config(String prefix, Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(extra);
        settings.put(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(ScrapTraceConfig.TOPIC_PREFIX, prefix);
        settings.put(SorterSettings.GROUP_ID, prefix + "sorter");
        ScrapTraceConfig config = ScrapTraceConfig.of(settings);
        TopicCreator.ensureTopics(config);
        return config;
    }

    private static ProducerRecord<String, byte[]> readingRecord(Topics topics, Reading reading) {
        return new ProducerRecord<>(topics.readings.name(), reading.getLotId(),
                topics.readings.valueSerde().serializer().serialize(topics.readings.name(), reading));
    }

    @Test
    void gradesEveryReadingExactlyOnceAcrossARestartIntoTwoInstances() {
        ScrapTraceConfig config = config("eos.", Map.of(SorterSettings.MAX_BATCH, "64"));
        Topics topics = config.topics();
        PieceGenerator generator = new PieceGenerator(3, CorruptionRates.NONE, SensorMix.ALL_STATIONS);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 1500; i++) {
            Reading reading = generator.next().reading();
            reading.setLotId("L-" + (i % 20));
            sent.add(reading.getEventId());
            records.add(readingRecord(topics, reading));
        }
        SorterService first = new SorterService(config, new Metrics());
        first.start();
        KafkaTestSupport.send(config, records);
        // Stop the first instance part-way: the second must resume exactly after its last commit.
        assertTrue(KafkaTestSupport.readUntil(config, topics.graded, g -> g.size() >= 200, TIMEOUT).size() >= 200);
        first.stop();
        // The second run has two grading loops sharing the partitions as one consumer group.
        SorterService second = new SorterService(config.with(Map.of(SorterSettings.INSTANCES, "2")), new Metrics());
        second.start();
        List<GradedReading> graded = KafkaTestSupport.readAtLeast(config, topics.graded, sent.size(), TIMEOUT);
        second.stop();

        assertEquals(sent.size(), graded.size(), "one graded record per reading, none twice");
        assertEquals(sent, graded.stream().map(GradedReading::getEventId).collect(Collectors.toSet()));
        double threshold = GradeDecider.DEFAULT_THRESHOLD;
        for (GradedReading g : graded) {
            double sum = g.getProbabilities().values().stream().mapToDouble(Double::doubleValue).sum();
            double max = g.getProbabilities().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertEquals(1.0, sum, 1e-3, g.getEventId());
            assertEquals(max, g.getConfidence(), 1e-9);
            // UNCERTAIN below the threshold, or when the reading fits no catalogue grade however sure the
            // network is; either way it says why. A grade is only given with enough confidence.
            if (Grade.UNCERTAIN.equals(g.getGrade())) {
                assertNotNull(g.getUncertainReason(), g.getEventId());
            } else {
                assertTrue(g.getConfidence() >= threshold, g.getEventId());
                assertNull(g.getUncertainReason(), g.getEventId());
            }
            assertTrue(g.getModelVersion().startsWith("sensor-"), g.getModelVersion());
        }
    }

    @Test
    void nanReadingAndCorruptFrameGoToTheDeadLetterTopicAndTheNextRecordsAreGraded() {
        ScrapTraceConfig config = config("dl.", Map.of());
        Topics topics = config.topics();
        PieceGenerator generator = new PieceGenerator(5, CorruptionRates.NONE, SensorMix.ANALYSERS);
        LabelledPiece withFrame = generator.next("CU_NO1");
        byte[] png = new FrameRenderer().renderPng(withFrame, 1);
        Reading fused = withFrame.reading();
        fused.setFrameId("frame-ok");
        Reading nan = generator.next().reading();
        nan.setDensityGcc(Double.NaN);
        Reading afterNan = generator.next().reading();
        Reading withCorruptFrame = generator.next().reading();
        withCorruptFrame.setFrameId("frame-bad");
        List<Reading> readings = List.of(fused, nan, afterNan, withCorruptFrame);
        readings.forEach(r -> r.setLotId("L-1"));

        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(frameRecord(topics, "frame-ok", png));
        records.add(frameRecord(topics, "frame-bad", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}));
        KafkaTestSupport.send(config, records);
        // Frames first (as a camera fires before the analyser reports), then the readings.
        KafkaTestSupport.send(config, readings.stream().map(r -> readingRecord(topics, r)).toList());

        try (SorterService sorter = new SorterService(config, new Metrics())) {
            sorter.start();
            List<GradedReading> graded = KafkaTestSupport.readAtLeast(config, topics.graded, 3, TIMEOUT);
            List<DeadLetter> dead = KafkaTestSupport.readAtLeast(config, topics.deadLetter, 2, TIMEOUT);

            Map<String, GradedReading> byEvent = graded.stream().collect(Collectors.toMap(GradedReading::getEventId, Function.identity()));
            assertEquals(Set.of(fused.getEventId(), afterNan.getEventId(), withCorruptFrame.getEventId()), byEvent.keySet());
            GradedReading fusedGrade = byEvent.get(fused.getEventId());
            assertEquals("frame-ok", fusedGrade.getFrameId());
            assertTrue(fusedGrade.getModelVersion().contains("+camera-"), fusedGrade.getModelVersion());
            assertEquals("CU_NO1", fusedGrade.getGrade());
            assertNull(byEvent.get(withCorruptFrame.getEventId()).getFrameId(), "an undecodable frame is not fused");

            assertEquals(2, dead.size());
            DeadLetter nanLetter = dead.stream().filter(d -> d.getSource().equals(topics.readings.name())).findFirst().orElseThrow();
            assertEquals("densityGcc", nanLetter.getField());
            assertTrue(nanLetter.getReason().contains("NaN"), nanLetter.getReason());
            assertEquals("sorter", nanLetter.getStage());
            assertEquals(1L, nanLetter.getOffset(), "the NaN reading was the second record of its partition");
            assertEquals(nan, topics.readings.valueSerde().deserializer().deserialize("x", bytes(nanLetter.getPayload())));
            DeadLetter frameLetter = dead.stream().filter(d -> d.getSource().equals(topics.frames.name())).findFirst().orElseThrow();
            assertNotNull(frameLetter.getReason());
            assertEquals("image", frameLetter.getField());
        }
    }

    @Test
    void aModelVersionPublishedToTheModelsRootIsPickedUpWithoutLosingOrRegradingRecords(@TempDir Path models) throws Exception {
        String first = trainTinyModel(models, 1);
        ScrapTraceConfig config = config("reload.", Map.of(SorterSettings.MODEL_DIR, models.toString(),
                SorterSettings.MODEL_CHECK_MS, "100"));
        Topics topics = config.topics();
        PieceGenerator generator = new PieceGenerator(9, CorruptionRates.NONE, SensorMix.ANALYSERS);
        try (SorterService sorter = new SorterService(config, new Metrics())) {
            sorter.start();
            KafkaTestSupport.send(config, readings(topics, generator, 100));
            List<GradedReading> before = KafkaTestSupport.readAtLeast(config, topics.graded, 100, TIMEOUT);
            assertTrue(before.stream().allMatch(g -> g.getModelVersion().equals(first)));

            String second = trainTinyModel(models, 2);
            List<GradedReading> all = KafkaTestSupport.readUntil(config, topics.graded, g -> {
                // Keep sending small batches until one is graded by the new version.
                if (g.stream().noneMatch(r -> r.getModelVersion().equals(second))) {
                    KafkaTestSupport.send(config, readings(topics, generator, 10));
                }
                return g.stream().anyMatch(r -> r.getModelVersion().equals(second));
            }, TIMEOUT);
            assertTrue(all.stream().anyMatch(g -> g.getModelVersion().equals(second)), "new version never used");
            List<GradedReading> settled = KafkaTestSupport.readAtLeast(config, topics.graded, all.size(), TIMEOUT);
            Set<String> unique = settled.stream().map(GradedReading::getEventId).collect(Collectors.toSet());
            assertEquals(settled.size(), unique.size(), "no reading graded twice across the reload");
            assertTrue(settled.stream().allMatch(g -> g.getModelVersion().equals(first) || g.getModelVersion().equals(second)),
                    "every graded record names the version that graded it");
        }
    }

    private static String trainTinyModel(Path models, int seed) throws Exception {
        SyntheticData data = SyntheticData.generate(400, seed, false, CorruptionRates.NONE);
        return TrainingRun.sensor(data.readings(), new TrainingOptions(2, 64, 0.01f, seed), models, e -> {
        }).manifest().version();
    }

    private static List<ProducerRecord<String, byte[]>> readings(Topics topics, PieceGenerator generator, int count) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(readingRecord(topics, generator.next().reading()));
        }
        return records;
    }

    private static ProducerRecord<String, byte[]> frameRecord(Topics topics, String frameId, byte[] image) {
        Frame frame = Frame.newBuilder().setEventId(frameId).setSiteId("S-1").setStationId("CAM-1").setLotId("L-1")
                .setTimestamp(Instant.now()).setContentType("image/png").setImage(ByteBuffer.wrap(image)).build();
        return new ProducerRecord<>(topics.frames.name(), "L-1", topics.frames.valueSerde().serializer().serialize(topics.frames.name(), frame));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
