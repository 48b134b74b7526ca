package io.scraptrace.ingest.http;

import io.scraptrace.core.http.ApiException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load shedding: at most so many requests and so many body bytes in flight; beyond that a request
 * is answered 429 at once rather than queued, so a burst cannot exhaust memory or stretch
 * everyone's latency. Thread-safe.
 */
public final class Admission {
    private final Semaphore requests;
    private final long maxBytes;
    private final AtomicLong bytesInFlight = new AtomicLong();

    /** A granted admission; closing it releases the request and its bytes. */
    public final class Ticket implements AutoCloseable {
        private final long bytes;

        private Ticket(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            bytesInFlight.addAndGet(-bytes);
            requests.release();
        }
    }

    /**
     * @param maxRequests requests processed at once
     * @param maxBytes    body bytes held at once
     */
    public Admission(int maxRequests, long maxBytes) {
        this.requests = new Semaphore(maxRequests);
        this.maxBytes = maxBytes;
    }

    /**
     * Admit a request that will hold {@code bytes} of body, or refuse it with 429.
     *
     * @throws ApiException 429 when too many requests or bytes are in flight
     */
    public Ticket admit(long bytes) {
        if (!requests.tryAcquire()) {
            throw tooBusy("too many requests in flight");
        }
        long total = bytesInFlight.addAndGet(bytes);
        // A single request larger than the budget is still admitted when nothing else is in flight.
        if (total > maxBytes && total != bytes) {
            bytesInFlight.addAndGet(-bytes);
            requests.release();
            throw tooBusy("too many bytes in flight");
        }
        return new Ticket(bytes);
    }

    /** Body bytes currently admitted. */
    public long bytesInFlight() {
        return bytesInFlight.get();
    }

    private static ApiException tooBusy(String why) {
        return new ApiException(429, "overloaded: " + why + ", retry shortly");
    }
}
