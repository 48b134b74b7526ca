package io.scraptrace.core.http;

import java.util.List;

/**
 * An error the API answers with a status and the contract's JSON body
 * {@code {"error": "...", "details": [...]}}.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<ErrorDetail> details;

    public ApiException(int status, String error) {
        this(status, error, List.of());
    }

    public ApiException(int status, String error, List<ErrorDetail> details) {
        super(error);
        this.status = status;
        this.details = List.copyOf(details);
    }

    public static ApiException badRequest(String field, String reason) {
        return new ApiException(400, "invalid request", List.of(new ErrorDetail(null, field, reason)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what + " not found");
    }

    public int status() {
        return status;
    }

    public List<ErrorDetail> details() {
        return details;
    }
}
