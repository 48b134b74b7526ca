package io.scraptrace.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.core.cli.ClientOptions;
import io.scraptrace.core.cli.DurationConverter;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.schemas.topics.Topic;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scraptrace tail TOPIC}: a topic's records as JSON lines, Avro decoded with the topic's
 * serde. Reads without a consumer group (assign + seek), so tailing never moves any service's
 * offsets, and only committed transactional records are shown.
 */
@Command(name = "tail", mixinStandardHelpOptions = true, description = "Print a topic's records as JSON lines (decodes Avro).")
final class TailCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic name, e.g. scrap.readings.")
    String topicName;

    @Option(names = "--from-beginning", description = "Start at the earliest offset instead of the end.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", defaultValue = "-1", description = "Stop after N records (default: run until Ctrl-C).")
    long max;

    @Option(names = "--idle-exit", paramLabel = "DURATION", converter = DurationConverter.class, description = "Exit after this long without records, e.g. 5s (default: never).")
    Duration idleExit;

    @Option(names = "--with-metadata", description = "Wrap each value with topic, partition, offset and key.")
    boolean withMetadata;

    @Mixin
    ClientOptions options;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() {
        ScrapTraceConfig config = options.config();
        Optional<Topic<String, ? extends SpecificRecord>> topic = config.topics().byName(topicName);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, null),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topicName, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                System.err.println("no such topic: " + topicName);
                return 2;
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            long printed = 0;
            long lastRecord = System.nanoTime();
            while (max < 0 || printed < max) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    if (idleExit != null && System.nanoTime() - lastRecord > idleExit.toNanos()) {
                        break;
                    }
                    continue;
                }
                lastRecord = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    out.println(render(topic, record));
                    if (max >= 0 && ++printed >= max) {
                        break;
                    }
                }
            }
        }
        return 0;
    }

    private String render(Optional<Topic<String, ? extends SpecificRecord>> topic, ConsumerRecord<byte[], byte[]> record) {
        JsonNode value = value(topic, record);
        if (!withMetadata) {
            return value.toString();
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        ObjectNode wrapper = AvroJson.MAPPER.createObjectNode()
                .put("topic", record.topic()).put("partition", record.partition()).put("offset", record.offset()).put("key", key);
        wrapper.set("value", value);
        return wrapper.toString();
    }

    private static JsonNode value(Optional<Topic<String, ? extends SpecificRecord>> topic, ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return NullNode.getInstance();
        }
        if (topic.isEmpty()) {
            // Not a contract topic (e.g. a Streams changelog): show the bytes as text.
            return AvroJson.MAPPER.createObjectNode().put("text", new String(record.value(), StandardCharsets.UTF_8));
        }
        try {
            return AvroJson.toJson(topic.get().valueSerde().deserializer().deserialize(record.topic(), record.value()));
        } catch (SerializationException e) {
            return AvroJson.MAPPER.createObjectNode().put("undecodable", e.getMessage());
        }
    }
}
