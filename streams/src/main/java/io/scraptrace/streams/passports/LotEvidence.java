package io.scraptrace.streams.passports;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.streams.lots.LotState;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;

/**
 * A lot recomputed from the graded topic the way the streams application folds it: the lot's
 * partition (the default partitioner's murmur2 of the key, as the sorter and Kafka Streams use) read
 * from the beginning to its last committed record, the lot's records in offset order, a resent
 * eventId counted the first time only, records that cannot be decoded skipped (streams dead-letters
 * them), and each record folded with the lot tracker's own {@link LotState#add}. Reads without a
 * consumer group, so it moves nobody's offsets.
 *
 * @param lotId the lot
 * @param lot   the recomputed state, empty when the topic holds no reading of the lot
 */
public record LotEvidence(String lotId, Optional<LotState> lot) {
    private static final Duration POLL = Duration.ofMillis(500);


    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    /** Recomputes the evidence of {@code lotId} from {@code topic}. */
    public static LotEvidence recompute(ScrapTraceConfig config, Topic<String, GradedReading> topic, String lotId) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(config, null),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic.name(), METADATA_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalArgumentException("no such topic: " + topic.name());
            }
            byte[] key = Serdes.String().serializer().serialize(topic.name(), lotId);
            TopicPartition partition = new TopicPartition(topic.name(), Utils.toPositive(Utils.murmur2(key)) % partitions.size());
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            Fold fold = new Fold(lotId);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end) {
                        fold.add(decode(topic, record));
                    }
                }
            }
            return fold.evidence();
        }
    }

    private static GradedReading decode(Topic<String, GradedReading> topic, ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            return null;
        }
    }

    /** The lot's records folded in order, as the lineage register and the lot tracker fold them. */
    static final class Fold {
        private final String lotId;
        private final Set<String> seen = new HashSet<>();
        private LotState lot;

        Fold(String lotId) {
            this.lotId = lotId;
        }

        void add(GradedReading reading) {
            if (reading == null || !lotId.equals(reading.getLotId()) || !seen.add(reading.getEventId())) {
                return;
            }
            lot = lot == null ? LotState.of(reading) : lot.add(reading);
        }

        LotEvidence evidence() {
            return new LotEvidence(lotId, Optional.ofNullable(lot));
        }
    }
}
