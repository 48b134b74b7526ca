package io.scraptrace.schemas.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry refused a request: an incompatible schema, an unknown schema id, a subject
 * it will not take. Retrying the same request gets the same answer.
 */
public final class SchemaRegistryException extends SerializationException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    SchemaRegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status of the refusal (409 for an incompatible schema). */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code} (the Confluent API's finer code, e.g. 40403 schema not found). */
    public int errorCode() {
        return errorCode;
    }
}
