package io.scraptrace.simulator.plant;

import java.util.concurrent.atomic.AtomicLong;

/** What the simulator sent and what ingest acknowledged, updated as it runs; safe to read from any thread. */
public final class SimulatorCounters {
    final AtomicLong readingsSent = new AtomicLong();
    final AtomicLong readingsAccepted = new AtomicLong();
    final AtomicLong framesSent = new AtomicLong();
    final AtomicLong framesAccepted = new AtomicLong();
    final AtomicLong declarationsSent = new AtomicLong();
    final AtomicLong declarationsAccepted = new AtomicLong();
    final AtomicLong sitesRegistered = new AtomicLong();
    final AtomicLong anomaliesPlanted = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong clientErrors = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();

    /**
     * A consistent-enough copy of the counters.
     *
     * @param readingsSent         readings posted (each counted once, however often retried)
     * @param readingsAccepted     readings ingest accepted
     * @param framesSent           frames posted
     * @param framesAccepted       frames ingest accepted
     * @param declarationsSent     export declarations posted
     * @param declarationsAccepted declarations ingest accepted
     * @param sitesRegistered      site registrations acknowledged
     * @param anomaliesPlanted     accepted declarations with at least one expected alert code
     * @param retries              requests repeated after 429, 503 or a connection failure
     * @param clientErrors         4xx replies other than 429
     * @param serverErrors         5xx replies
     */
    public record Snapshot(long readingsSent, long readingsAccepted, long framesSent, long framesAccepted,
                           long declarationsSent, long declarationsAccepted, long sitesRegistered, long anomaliesPlanted,
                           long retries, long clientErrors, long serverErrors) {
    }

    /** The current values. */
    public Snapshot snapshot() {
        return new Snapshot(readingsSent.get(), readingsAccepted.get(), framesSent.get(), framesAccepted.get(),
                declarationsSent.get(), declarationsAccepted.get(), sitesRegistered.get(), anomaliesPlanted.get(),
                retries.get(), clientErrors.get(), serverErrors.get());
    }
}
