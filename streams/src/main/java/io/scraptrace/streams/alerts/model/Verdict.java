package io.scraptrace.streams.alerts.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one {@link CheckKind} for one declaration; a newer verdict of the same kind
 * replaces the older one.
 *
 * @param kind        which check
 * @param declaration the declaration checked
 * @param measurement what its lots measured (only the LOTS check fills it)
 * @param reasons     reasons found, empty when clean
 */
public record Verdict(CheckKind kind, Declaration declaration, Measurement measurement, List<Reason> reasons) {
    public Verdict {
        reasons = List.copyOf(reasons);
    }

    /** This verdict with one more reason. */
    public Verdict with(Reason reason) {
        List<Reason> more = new ArrayList<>(reasons);
        more.add(reason);
        return new Verdict(kind, declaration, measurement, more);
    }
}
