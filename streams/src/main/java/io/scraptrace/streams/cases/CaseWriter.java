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
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes case changes to the compacted cases topic. A change is validated against the current
 * case and the record holds the whole history, so two changes of one case must not interleave:
 * changes are serialized per key here, on the instance that owns the declaration (requests for it
 * are forwarded there). The current case is read from the topic itself, up to its end offsets
 * ({@link CaseLog}), not from the global store: the store lags its topic, and when the declaration
 * has just changed owner the previous owner's last write may be missing from it here.
 */
public final class CaseWriter implements AutoCloseable {
    /** How long a change waits for the store to show it, so a read right after the reply sees it. */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(10);
    /** Most one change waits to read the cases topic to its end before it is refused. */
    private static final Duration LOG_TIMEOUT = Duration.ofSeconds(10);
    private static final int STRIPES = 64;

    private final ScrapTraceConfig config;
    private final Topic<String, Case> topic;
    private final Function<String, Optional<Case>> stored;
    private final Clock clock;
    private final Object[] stripes = new Object[STRIPES];
    private volatile Producer<String, Case> producer;
    private volatile CaseLog log;

    /**
     * @param stored this instance's view of the cases (the global store, e.g. {@link CaseRegistry#find}):
     *               a change waits, briefly, until it shows there
     */
    public CaseWriter(ScrapTraceConfig config, Function<String, Optional<Case>> stored, Clock clock) {
        this.config = config;
        this.topic = config.topics().cases;
        this.stored = stored;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** Opens the idempotent, acks=all producer and the reader of the topic's latest cases. */
    public synchronized void start() {
        if (producer == null) {
            log = new CaseLog(config, LOG_TIMEOUT);
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
        CaseLog cases = log;
        if (out == null || cases == null) {
            throw new ApiException(503, "case writer not started yet");
        }
        synchronized (stripes[Math.floorMod(declarationId.hashCode(), STRIPES)]) {
            Case current = cases.latest(declarationId).orElse(null);
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
            awaitVisible(declarationId, next);
            return next;
        }
    }

    private void awaitVisible(String declarationId, Case written) {
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            Case shown = stored.apply(declarationId).orElse(null);
            if (shown != null && shown.getHistory().size() >= written.getHistory().size()) {
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
            log.close();
            log = null;
        }
    }
}
