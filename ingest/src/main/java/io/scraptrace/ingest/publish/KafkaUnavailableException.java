package io.scraptrace.ingest.publish;

/**
 * Kafka did not acknowledge a batch in time, so its transaction was abandoned: none of the batch
 * is visible to read_committed consumers and the sender may safely retry.
 */
public final class KafkaUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
