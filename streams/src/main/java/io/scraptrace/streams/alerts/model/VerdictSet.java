package io.scraptrace.streams.alerts.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * The latest verdict of each check kind for one declaration.
 *
 * @param verdicts check kind -> its latest verdict
 */
public record VerdictSet(Map<CheckKind, Verdict> verdicts) {
    public VerdictSet {
        verdicts = verdicts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(verdicts));
    }

    /** No verdict yet. */
    public static VerdictSet empty() {
        return new VerdictSet(Map.of());
    }

    /** This set with {@code verdict} replacing any earlier one of its kind. */
    public VerdictSet with(Verdict verdict) {
        Map<CheckKind, Verdict> updated = new EnumMap<>(CheckKind.class);
        updated.putAll(verdicts);
        updated.put(verdict.kind(), verdict);
        return new VerdictSet(updated);
    }

    /** Whether every check kind has reported. */
    public boolean complete() {
        return verdicts.size() == CheckKind.values().length;
    }
}
