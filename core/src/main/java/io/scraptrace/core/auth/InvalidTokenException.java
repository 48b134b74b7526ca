package io.scraptrace.core.auth;

/** A token of a known kind that is refused, with a reason a client may see (never the token). */
public final class InvalidTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String reason) {
        super(reason);
    }
}
