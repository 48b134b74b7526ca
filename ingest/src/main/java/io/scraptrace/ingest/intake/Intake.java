package io.scraptrace.ingest.intake;

import io.scraptrace.avro.DeadLetter;
import io.scraptrace.core.http.ErrorDetail;
import io.scraptrace.core.metrics.Metrics;
import io.scraptrace.ingest.publish.KafkaUnavailableException;
import io.scraptrace.ingest.publish.TransactionalPublisher;
import io.scraptrace.ingest.validation.Violation;
import io.scraptrace.schemas.topics.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The one path every channel (HTTP, MQTT) feeds: valid records to their topic and rejected items
 * to the dead-letter topic, both in one transaction, after dropping event ids already published
 * recently. Thread-safe.
 */
public final class Intake {
    private final TransactionalPublisher publisher;
    private final Topic<String, DeadLetter> deadLetterTopic;
    private final int dedupCapacity;
    private final Map<String, RecentIds> recentIds = new ConcurrentHashMap<>();
    private final Metrics metrics;

    /**
     * @param publisher       transactional publisher
     * @param deadLetterTopic where rejected items go
     * @param dedupCapacity   event ids remembered per kind
     * @param metrics         the process's metrics
     */
    public Intake(TransactionalPublisher publisher, Topic<String, DeadLetter> deadLetterTopic, int dedupCapacity, Metrics metrics) {
        this.publisher = publisher;
        this.deadLetterTopic = deadLetterTopic;
        this.dedupCapacity = dedupCapacity;
        this.metrics = metrics;
    }

    /**
     * Publish a checked batch: accepted records and the dead letters of rejected ones, atomically.
     *
     * @param source where the batch came from, recorded on dead letters
     * @throws KafkaUnavailableException Kafka did not acknowledge: nothing of the batch was accepted
     */
    public <T extends SpecificRecord> IntakeResult submit(CheckedBatch<T> batch, String source) throws KafkaUnavailableException {
        RecordKind<T> kind = batch.kind();
        RecentIds recent = kind.deduplicated() ? recentIds.computeIfAbsent(kind.name(), k -> new RecentIds(dedupCapacity)) : null;
        Instant now = Instant.now();
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(batch.items().size());
        List<ErrorDetail> errors = new ArrayList<>();
        Set<String> newIds = new HashSet<>(2 * batch.items().size());
        int accepted = 0;
        int duplicates = 0;
        for (CheckedItem<T> checked : batch.items()) {
            if (!checked.validated().isValid()) {
                List<Violation> violations = checked.validated().violations();
                violations.forEach(v -> errors.add(new ErrorDetail(checked.index(), v.field(), v.reason())));
                out.add(record(deadLetterTopic, source, DeadLetters.of(source, checked, violations, now)));
                continue;
            }
            T record = checked.validated().record();
            accepted++;
            if (recent != null) {
                String eventId = kind.eventId().apply(record);
                // Seen before, or earlier in this very batch: accepted, but produced only once.
                if (recent.contains(eventId) || !newIds.add(eventId)) {
                    duplicates++;
                    continue;
                }
            }
            out.add(record(kind.topic(), kind.key().apply(record), record));
        }
        int rejected = batch.items().size() - accepted;
        if (!out.isEmpty()) {
            publisher.publish(out);
        }
        if (recent != null) {
            // Only after the commit: a batch that failed must not make its retry look like a duplicate.
            recent.addAll(newIds);
        }
        count(kind, "accepted", accepted - duplicates);
        count(kind, "duplicate", duplicates);
        count(kind, "rejected", rejected);
        return new IntakeResult(accepted, rejected, duplicates, errors);
    }

    private void count(RecordKind<?> kind, String outcome, int n) {
        metrics.counter("scraptrace_ingest_items_total", "Items received by ingest, by kind and outcome",
                "kind", kind.name(), "outcome", outcome).inc(n);
    }

    private static <V extends SpecificRecord> ProducerRecord<String, byte[]> record(Topic<String, V> topic, String key, V value) {
        return new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value));
    }
}
