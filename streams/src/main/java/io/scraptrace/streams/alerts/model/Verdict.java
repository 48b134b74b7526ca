package io.scraptrace.streams.alerts.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one {@link CheckKind} for one declaration; a newer verdict of the same kind
 * replaces the older one. A LOTS verdict may also say the declaration is still waiting for its lots
 * ({@code pending} set, no reasons): it never replaces a judged one.
 *
 * @param kind        which check
 * @param declaration the declaration checked
 * @param measurement what its lots measured (only the LOTS check fills it)
 * @param reasons     reasons found, empty when clean
 * @param pending     for a LOTS check still waiting for lots: which are missing; null once judged
 */
public record Verdict(CheckKind kind, Declaration declaration, Measurement measurement, List<Reason> reasons, PendingLots pending) {
    public Verdict {
        reasons = List.copyOf(reasons);
    }

    /** A judged verdict. */
    public Verdict(CheckKind kind, Declaration declaration, Measurement measurement, List<Reason> reasons) {
        this(kind, declaration, measurement, reasons, null);
    }

    /** A LOTS verdict saying the declaration still waits for {@code pending}. */
    public static Verdict waiting(Declaration declaration, PendingLots pending) {
        return new Verdict(CheckKind.LOTS, declaration, Measurement.NONE, List.of(), pending);
    }

    /** Whether this is a judgement rather than a report of lots still awaited. */
    public boolean judged() {
        return pending == null;
    }

    /** This verdict with one more reason. */
    public Verdict with(Reason reason) {
        List<Reason> more = new ArrayList<>(reasons);
        more.add(reason);
        return new Verdict(kind, declaration, measurement, more, pending);
    }
}
