package io.scraptrace.sorter.bench;

import io.scraptrace.avro.Reading;
import io.scraptrace.broker.ScratchKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.core.metrics.Metrics;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.sorter.grading.GradeDecider;
import io.scraptrace.sorter.grading.Grader;
import io.scraptrace.sorter.model.ModelRepository;
import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.sorter.service.SorterService;
import io.scraptrace.sorter.service.SorterSettings;
import io.scraptrace.sorter.training.SyntheticData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scraptrace bench sorter}: how fast the sorter grades, and whether the model or the
 * transport is the limit. Measures, in one run: raw DJL inference of the sensor model and full
 * in-memory grading at batch 1, 64 and 1024; camera frames/s; and on a broker, the raw Kafka
 * consume -> transactional produce rate of the same records next to the sorter service's graded
 * readings/s with p50/p99 consume-to-produce latency, at the same batch sizes. The service is
 * compared with the faster of the two raw runs.
 */
@Command(name = "sorter", mixinStandardHelpOptions = true,
        description = "Benchmark the sorter: raw inference, camera frames/s, raw Kafka consume->produce vs the service at batch 1/64/1024.")
public final class BenchSorterCommand implements Callable<Integer> {
    private static final int[] BATCHES = {1, 64, 1024};
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka to benchmark against (default: start an embedded broker in a temporary directory).")
    String bootstrapServers;

    @Option(names = "--records-batch1024", defaultValue = "100000", description = "Readings per run at batch 1024 (default ${DEFAULT-VALUE}).")
    int recordsBatch1024;

    @Option(names = "--records-batch64", defaultValue = "20000", description = "Readings per run at batch 64 (default ${DEFAULT-VALUE}).")
    int recordsBatch64;

    @Option(names = "--records-batch1", defaultValue = "500",
            description = "Readings per run at batch 1, one transaction each (default ${DEFAULT-VALUE}).")
    int recordsBatch1;

    @Option(names = "--frames", defaultValue = "256", description = "Synthetic frames for the camera rate (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--instances", defaultValue = "1", description = "Grading loops of the service under test (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory or models root (default: the model shipped in the jar).")
    Path model;

    @Override
    public Integer call() throws Exception {
        int[] recordCounts = {recordsBatch1, recordsBatch64, recordsBatch1024};
        SyntheticData data = SyntheticData.generate(IntStream.of(recordCounts).max().orElseThrow(), 1, true, CorruptionRates.NONE);
        List<Reading> readings = data.readings().readings();
        inMemory(readings, data);
        try (ScratchKafka kafka = ScratchKafka.open(bootstrapServers, "bench-sorter")) {
            String servers = kafka.bootstrapServers();
            System.out.printf("%nKafka on %s%s: consume -> grade -> transactional produce (read_committed, acks=all)%n",
                    servers, kafka.embedded() ? " (embedded)" : "");
            System.out.printf("%-6s %8s %22s %14s %7s %9s %9s %13s%n", "batch", "records", "raw copy rec/s before/after",
                    "service rec/s", "ratio", "p50 ms", "p99 ms", "raw p50/p99");
            for (int i = 0; i < BATCHES.length; i++) {
                transport(servers, readings.subList(0, recordCounts[i]), BATCHES[i]);
            }
        }
        return 0;
    }

    private void inMemory(List<Reading> readings, SyntheticData data) throws Exception {
        try (ModelSet models = ModelRepository.loadOrDefault(model);
             Grader grader = new Grader(models, new GradeDecider(GradeDecider.DEFAULT_THRESHOLD, GradeCatalogue.get()))) {
            System.out.printf("models: %s%n%nin memory, one thread (DJL %s engine)%n", models.describe(), "PyTorch");
            System.out.printf("%-6s %24s %24s%n", "batch", "raw inference rows/s", "graded records/s");
            System.out.printf("%-6s %12s %11s %12s %11s%n", "", "wall", "per CPU-s", "wall", "per CPU-s");
            for (int batch : BATCHES) {
                InferenceBench.Rate raw = InferenceBench.sensorRowsPerSecond(models.sensor(), readings, batch);
                InferenceBench.Rate graded = InferenceBench.gradedRowsPerSecond(grader, readings, batch);
                System.out.printf(Locale.ROOT, "%-6d %12.0f %11.0f %12.0f %11.0f%n", batch,
                        raw.perWallSecond(), raw.perCpuSecond(), graded.perWallSecond(), graded.perCpuSecond());
            }
            if (models.camera() != null) {
                SyntheticData framePieces = new SyntheticData(data.pieces().subList(0, Math.min(frames, data.pieces().size())), data.source());
                List<byte[]> pngs = framePieces.frames(1).images();
                int batch = 64;
                InferenceBench.Rate inference = InferenceBench.framesPerSecond(models.camera(), grader, pngs, batch, false);
                InferenceBench.Rate decoded = InferenceBench.framesPerSecond(models.camera(), grader, pngs, batch, true);
                System.out.printf(Locale.ROOT, "camera model, batch %d: inference %.0f frames/s (%.0f per CPU-s); "
                        + "with PNG decode %.0f frames/s (%.0f per CPU-s)%n", batch, inference.perWallSecond(),
                        inference.perCpuSecond(), decoded.perWallSecond(), decoded.perCpuSecond());
            }
        }
    }

    private void transport(String servers, List<Reading> readings, int batch) throws Exception {
        String prefix = "bench" + batch + "-" + UUID.randomUUID().toString().substring(0, 6) + ".";
        Map<String, String> settings = new HashMap<>();
        settings.put(ScrapTraceConfig.BOOTSTRAP_SERVERS, servers);
        settings.put(ScrapTraceConfig.TOPIC_PREFIX, prefix);
        settings.put(SorterSettings.MAX_BATCH, String.valueOf(batch));
        settings.put(SorterSettings.INSTANCES, String.valueOf(instances));
        settings.put(SorterSettings.GROUP_ID, prefix + "sorter");
        if (model != null) {
            settings.put(SorterSettings.MODEL_DIR, model.toString());
        }
        ScrapTraceConfig config = ScrapTraceConfig.of(settings);
        Topics topics = config.topics();
        TopicCreator.ensureTopics(config);
        String sink = prefix + "copy";
        TransportBench.createTopic(config, sink, topics.readings.partitions());
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            Reading reading = readings.get(i);
            reading.setLotId("L-" + (i % 100));
            records.add(new ProducerRecord<>(topics.readings.name(), reading.getLotId(),
                    topics.readings.valueSerde().serializer().serialize(topics.readings.name(), reading)));
        }
        TransportBench.produce(config, records);

        // The raw copy runs before and after the service: other load on the box shifts both.
        LatencyRecorder rawBefore = TransportBench.copy(config, topics.readings.name(), sink, records.size(), TIMEOUT);
        LatencyRecorder service = new LatencyRecorder();
        try (SorterService sorter = new SorterService(config, new Metrics(), service)) {
            sorter.start();
            if (!service.awaitRecords(records.size(), TIMEOUT.toMillis())) {
                System.out.printf("batch %d: the service did not grade %d records within %s%n", batch, records.size(), TIMEOUT);
            }
        }
        LatencyRecorder rawAfter = TransportBench.copy(config, topics.readings.name(), sink, records.size(), TIMEOUT);
        double raw = Math.max(rawBefore.recordsPerSecond(), rawAfter.recordsPerSecond());
        System.out.printf(Locale.ROOT, "%-6d %8d %11.0f / %8.0f %14.0f %6.0f%% %9.1f %9.1f %6.1f/%6.1f%n", batch, records.size(),
                rawBefore.recordsPerSecond(), rawAfter.recordsPerSecond(), service.recordsPerSecond(),
                100 * service.recordsPerSecond() / raw, service.latencyMillis(0.50), service.latencyMillis(0.99),
                rawAfter.latencyMillis(0.50), rawAfter.latencyMillis(0.99));
    }
}
