package io.scraptrace.schemas.registry;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The schema registry could not be reached or failed (I/O error, timeout, 5xx). The record is not
 * at fault: a client retries instead of treating it as undecodable.
 */
public final class SchemaRegistryUnavailableException extends RetriableException {
    private static final long serialVersionUID = 1L;

    SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
