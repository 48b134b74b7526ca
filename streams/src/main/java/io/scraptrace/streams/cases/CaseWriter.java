package io.scraptrace.streams.cases;

import io.scraptrace.avro.Case;
import io.scraptrace.avro.CaseStatus;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiException;
import io.scraptrace.core.http.ErrorDetail;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.schemas.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes case changes to the compacted cases topic. A change is validated against the current
 * case and the record holds the whole history, so two changes of one case must not interleave:
 * changes are serialized per key here, on the instance that owns the declaration (requests for it
 * are forwarded there). The current case is the newer of the global store's copy and the last
 * record written here, because the store sees a record only after its consumer has read it back.
 */
public final class CaseWriter implements AutoCloseable {
    /** How long a change waits for the store to show it, so a read right after the reply sees it. */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(10);
    private static final int STRIPES = 64;

    private final ScrapTraceConfig config;
    private final Topic<String, Case> topic;
    private final CaseRegistry registry;
    private final Clock clock;
    private final Object[] stripes = new Object[STRIPES];
    // Written here but not yet seen in the store; an entry leaves as soon as the store catches up.
    private final Map<String, Case> unseen = new ConcurrentHashMap<>();
    private volatile Producer<String, Case> producer;

    public CaseWriter(ScrapTraceConfig config, CaseRegistry registry, Clock clock) {
        this.config = config;
        this.topic = config.topics().cases;
        this.registry = registry;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** Opens the idempotent, acks=all producer. */
    public synchronized void start() {
        if (producer == null) {
            producer = new KafkaProducer<>(KafkaClients.producer(config, "scraptrace-cases"),
                    topic.keySerde().serializer(), topic.valueSerde().serializer());
        }
    }

    /**
     * Moves the case of {@code declarationId} to {@code to} with {@code note}, made by {@code by};
     * returns the new case once Kafka has acknowledged it. 409 when the workflow forbids the move.
     */
    public Case change(String declarationId, CaseStatus to, String note, Principal by) {
        Producer<String, Case> out = producer;
        if (out == null) {
            throw new ApiException(503, "case writer not started yet");
        }
        synchronized (stripes[Math.floorMod(declarationId.hashCode(), STRIPES)]) {
            Case current = current(declarationId);
            Optional<String> refusal = CaseWorkflow.refusal(current, to);
            if (refusal.isPresent()) {
                throw new ApiException(409, "case transition not allowed", List.of(new ErrorDetail(null, "status", refusal.get())));
            }
            Case next = CaseWorkflow.apply(declarationId, current, to, note, by, clock.instant());
            try {
                out.send(new ProducerRecord<>(topic.name(), declarationId, next)).get();
            } catch (ExecutionException e) {
                throw new ApiException(503, "Kafka did not acknowledge the case change, nothing was recorded: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(503, "interrupted before Kafka acknowledged the case change");
            }
            unseen.put(declarationId, next);
            awaitVisible(declarationId, next);
            return next;
        }
    }

    /** The newer of the stored case and the one last written here (a history only grows). */
    private Case current(String declarationId) {
        Case stored = registry.find(declarationId).orElse(null);
        Case written = unseen.get(declarationId);
        if (written == null) {
            return stored;
        }
        if (stored != null && stored.getHistory().size() >= written.getHistory().size()) {
            unseen.remove(declarationId);
            return stored;
        }
        return written;
    }

    private void awaitVisible(String declarationId, Case written) {
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            Case stored = registry.find(declarationId).orElse(null);
            if (stored != null && stored.getHistory().size() >= written.getHistory().size()) {
                unseen.remove(declarationId);
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }
}
