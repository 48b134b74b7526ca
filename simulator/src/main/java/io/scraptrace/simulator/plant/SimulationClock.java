package io.scraptrace.simulator.plant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The time a simulator run follows. On the wall clock a run takes as long as its duration and two
 * runs of one seed differ with the machine's timing. On a simulated clock time passes only when
 * the simulator pauses, and then at once: a run is as fast as the machine allows and, with the
 * posts made one after the other, a seed gives the same records every time.
 */
public final class SimulationClock {
    /** Where simulated time starts; null on the wall clock. */
    private final Instant start;
    // Moved by the simulator thread only; read by other threads too (e.g. a recording ingest's receipt times).
    private volatile long elapsedNanos;

    private SimulationClock(Instant start) {
        this.start = start;
    }

    /** The wall clock. */
    public static SimulationClock wall() {
        return new SimulationClock(null);
    }

    /** A simulated clock that reads {@code start} until the simulator first pauses. */
    public static SimulationClock simulated(Instant start) {
        return new SimulationClock(Objects.requireNonNull(start, "start"));
    }

    /** Whether time passes only when the simulator pauses. */
    public boolean simulated() {
        return start != null;
    }

    /** The current time. */
    public Instant now() {
        return simulated() ? start.plusNanos(elapsedNanos) : Instant.now();
    }

    /** Today (UTC), e.g. to judge licence dates against. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /** A monotonic reading in nanoseconds, only meaningful as a difference to another. */
    long nanos() {
        return simulated() ? elapsedNanos : System.nanoTime();
    }

    /** Lets {@code nanos} pass: sleeps on the wall clock, jumps ahead on a simulated one. */
    void pause(long nanos) {
        if (nanos <= 0) {
            return;
        }
        if (simulated()) {
            elapsedNanos += nanos;
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return simulated() ? "simulated clock from " + start + " (" + Duration.ofNanos(elapsedNanos) + " in)" : "wall clock";
    }
}
