package io.scraptrace.streams.query;

/**
 * A query cannot be answered right now because state is moving between instances (rebalance,
 * restore). Answered 503 with a {@code Retry-After} hint: the same request succeeds shortly.
 */
public final class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Seconds a client should wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 1;

    public UnavailableException(String message) {
        super(message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
