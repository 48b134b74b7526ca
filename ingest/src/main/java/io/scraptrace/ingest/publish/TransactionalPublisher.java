package io.scraptrace.ingest.publish;

import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.metrics.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each batch (one request) in its own Kafka transaction, so a batch is all-or-nothing
 * for read_committed consumers: {@link #publish} returns once the commit is acknowledged (acks=all,
 * idempotent), or throws {@link KafkaUnavailableException} after a bounded time having abandoned
 * the transaction.
 *
 * <p>A pool of transactional producers lets requests commit concurrently. A failed batch's
 * transaction is aborted; if Kafka cannot even be asked to abort, the producer is closed at once
 * and later replaced by a new one with the same transactional.id, whose {@code initTransactions}
 * fences the old one and aborts whatever it left open. Either way a half-sent batch never becomes
 * visible (and if ingest dies first, the broker aborts it after {@code transaction.timeout.ms}).
 */
public final class TransactionalPublisher implements AutoCloseable {
    /** A timed-out commit is retried for up to this many times the Kafka timeout (see {@link #commit}). */
    private static final int COMMIT_RETRIES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalPublisher.class);

    /** How long {@link #start()} keeps trying to initialise the producers. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final ScrapTraceConfig config;
    private final Metrics metrics;
    private final String transactionalIdPrefix;
    private final Duration timeout;
    private final BlockingQueue<Slot> idle;
    private final List<Slot> slots;
    private final AtomicBoolean reachable = new AtomicBoolean(false);

    /** One pooled producer; recreated lazily after a failure. */
    private final class Slot {
        private final String transactionalId;
        private KafkaProducer<String, byte[]> producer;
        private Metrics.Binding producerMetrics;

        Slot(String transactionalId) {
            this.transactionalId = transactionalId;
        }

        KafkaProducer<String, byte[]> producer() {
            if (producer == null) {
                KafkaProducer<String, byte[]> fresh = new KafkaProducer<>(producerProperties(transactionalId),
                        new StringSerializer(), new ByteArraySerializer());
                try {
                    fresh.initTransactions();
                } catch (RuntimeException e) {
                    fresh.close(Duration.ZERO);
                    throw e;
                }
                producer = fresh;
                producerMetrics = metrics.bind(fresh);
            }
            return producer;
        }

        /** Close the producer (waiting up to {@code wait} for unsent records) and unpublish its metrics. */
        void drop(Duration wait) {
            producerMetrics.close();
            producer.close(wait);
            producer = null;
        }

        /**
         * Abort the failed transaction now, so read_committed readers are not held back until it
         * times out; if even that fails (Kafka unreachable, producer fenced), drop the producer:
         * its successor's initTransactions aborts the transaction instead.
         */
        void abandon() {
            if (producer == null) {
                return;
            }
            try {
                producer.abortTransaction();
                return;
            } catch (RuntimeException e) {
                LOG.debug("abort failed, replacing producer {}: {}", transactionalId, e.toString());
            }
            // Zero timeout: unsent records are dropped, not flushed into a transaction nobody will commit.
            drop(Duration.ZERO);
        }
    }

    /**
     * @param config                Kafka settings ({@code producer.*} keys override the defaults here)
     * @param metrics               where each producer's Kafka client metrics are published
     * @param producers             pool size: how many batches may commit concurrently
     * @param transactionalIdPrefix unique per ingest instance; stable across restarts for the fastest recovery
     * @param timeout               how long a batch may wait for Kafka before it is abandoned
     */
    public TransactionalPublisher(ScrapTraceConfig config, Metrics metrics, int producers, String transactionalIdPrefix, Duration timeout) {
        this.config = config;
        this.metrics = metrics;
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.timeout = timeout;
        this.slots = IntStream.range(0, producers)
                .mapToObj(i -> new Slot(transactionalIdPrefix + "-" + i))
                .toList();
        this.idle = new ArrayBlockingQueue<>(producers, false, slots);
    }

    /**
     * Connect every producer now, so the first request does not pay for it. On a fresh cluster the
     * first transactional producer waits for the transaction log to be created, which can take
     * longer than a request may wait: start retries for up to {@link #START_TIMEOUT}.
     */
    public void start() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (Slot slot : slots) {
            while (true) {
                try {
                    slot.producer();
                    break;
                } catch (TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    LOG.info("waiting for Kafka's transaction coordinator: {}", e.getMessage());
                }
            }
        }
        reachable.set(true);
        LOG.info("{} transactional producers ready ({}-*)", slots.size(), transactionalIdPrefix);
    }

    /**
     * Publish {@code records} atomically; returns once Kafka acknowledged the commit.
     *
     * @throws KafkaUnavailableException Kafka did not acknowledge within the timeout: nothing was committed, or
     *                                   (a commit unacknowledged even after retries) the outcome is unknown and
     *                                   a retry with the same eventIds is safe
     */
    public void publish(List<ProducerRecord<String, byte[]>> records) throws KafkaUnavailableException {
        Slot slot = borrow();
        try {
            KafkaProducer<String, byte[]> producer = slot.producer();
            producer.beginTransaction();
            AtomicReference<Exception> failure = new AtomicReference<>();
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record, (metadata, e) -> failure.compareAndSet(null, e));
                // A send that failed at once (metadata unavailable after max.block.ms) dooms the batch:
                // stop, rather than wait that long again for every remaining record.
                if (failure.get() != null) {
                    throw new KafkaException("send failed", failure.get());
                }
            }
            commit(producer);
            reachable.set(true);
        } catch (KafkaException e) {
            slot.abandon();
            if (reachable.getAndSet(false)) {
                LOG.warn("Kafka did not acknowledge a batch; batches are refused until it does: {}", e.toString());
            }
            throw new KafkaUnavailableException("Kafka did not acknowledge the batch: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            slot.abandon();
            throw e;
        } finally {
            idle.add(slot);
        }
    }

    /**
     * Flushes and commits; throws if any send failed, and then nothing of the batch is committed.
     * A commit that times out may already be decided by the transaction coordinator (a broker
     * failing over, say): aborting is then refused, and a successor producer would complete it. So
     * it is retried, as Kafka allows, for up to {@link #COMMIT_RETRIES} times the timeout: answering
     * 503 for a batch that then commits would tell the client "not taken" about readings the
     * pipeline counts. A killed broker holding the transaction coordinator is replaced only after the
     * controller's broker session timeout (9 s by default) and an election: 8 s of retries fell short.
     */
    private void commit(KafkaProducer<String, byte[]> producer) {
        long deadline = System.nanoTime() + COMMIT_RETRIES * timeout.toNanos();
        while (true) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("commit still unacknowledged after retrying; its outcome is unknown, a retry with the same"
                            + " eventIds is safe (resends are dropped)", e);
                }
                LOG.debug("commit timed out, retrying: {}", e.toString());
            }
        }
    }

    /** Whether the last batch (or start) reached Kafka. */
    public boolean reachable() {
        return reachable.get();
    }

    @Override
    public void close() {
        slots.forEach(slot -> {
            if (slot.producer != null) {
                slot.drop(timeout);
            }
        });
    }

    private Slot borrow() throws KafkaUnavailableException {
        try {
            Slot slot = idle.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (slot == null) {
                throw new KafkaUnavailableException("no producer became free within " + timeout.toMillis()
                        + " ms: Kafka is slow to acknowledge", null);
            }
            return slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for a producer", e);
        }
    }

    private Properties producerProperties(String transactionalId) {
        Properties props = KafkaClients.producer(config, "scraptrace-ingest-" + transactionalId);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        long ms = timeout.toMillis();
        // Bounded waits so an unreachable broker turns into a 503 within about `timeout`, unless the operator chose otherwise.
        defaultUnlessConfigured(props, ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
        defaultUnlessConfigured(props, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        defaultUnlessConfigured(props, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ms + 1000);
        // An ingest instance that dies mid-batch keeps read_committed readers of those partitions waiting this long.
        defaultUnlessConfigured(props, ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Math.max(ms * 3, 10_000));
        return props;
    }

    private void defaultUnlessConfigured(Properties props, String key, long value) {
        if (config.get("producer." + key).isEmpty()) {
            props.put(key, String.valueOf(value));
        }
    }
}
