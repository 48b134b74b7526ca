package io.scraptrace.streams.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Site;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.testing.GradedFeed;
import io.scraptrace.streams.testing.Records;
import io.scraptrace.streams.testing.StreamsInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of a running streams service shows what an operations team watches: consumer lag
 * per partition of its input, Kafka Streams' processing and commit figures, and the JVM.
 */
class MetricsEndpointTest {
    /** Generous: a loaded machine takes minutes to bring a fresh application to its first assignment. */
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final List<Site> SITES = List.of(Records.site("S1", "JP-13"));

    @TempDir
    Path dir;

    @Test
    void showsConsumerLagPerPartitionStreamsAndJvmSeries() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()));
            Topics topics = config.topics();
            TopicCreator.ensureTopics(config);
            try (StreamsInstance instance = StreamsInstance.start(kafka.bootstrapServers(), dir.resolve("instance"), Map.of())) {
                // The lag series comes with the partitions' assignment: no need to wait for RUNNING first.
                GradedFeed feed = new GradedFeed(3, SITES, 4, 50, 0);
                try (KafkaProducer<String, GradedReading> producer = GradedFeed.producer(config, topics.graded)) {
                    feed.send(producer, topics.graded.name(), 0, feed.records().size());
                }
                Pattern lag = Pattern.compile("(?m)^kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"\\d+\"[^}]*topic=\""
                        + Pattern.quote(topics.graded.name()) + "\"[^}]*} \\S+$");
                String text = awaitMetrics(instance.server.port(), lag);
                for (String series : List.of("kafka_stream_thread_process_rate{", "kafka_stream_thread_commit_latency_avg{",
                        "jvm_memory_used_bytes{", "scraptrace_streams_sse_clients ")) {
                    assertTrue(text.contains(series), series + " in /metrics");
                }
            }
        }
    }

    private static String awaitMetrics(int port, Pattern wanted) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        Instant deadline = Instant.now().plus(WAIT);
        String text = "";
        while (Instant.now().isBefore(deadline)) {
            text = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (wanted.matcher(text).find()) {
                return text;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + wanted + " in /metrics:\n" + text);
    }
}
