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

    /**
     * This set with {@code verdict} replacing any earlier one of its kind, except that a report of
     * lots still awaited never replaces a judgement (a re-sent declaration does not reopen it).
     */
    public VerdictSet with(Verdict verdict) {
        Verdict known = verdicts.get(verdict.kind());
        if (!verdict.judged() && known != null && known.judged()) {
            return this;
        }
        Map<CheckKind, Verdict> updated = new EnumMap<>(CheckKind.class);
        updated.putAll(verdicts);
        updated.put(verdict.kind(), verdict);
        return new VerdictSet(updated);
    }

    /** Whether every check kind has reported a judgement. */
    public boolean complete() {
        return verdicts.size() == CheckKind.values().length && verdicts.values().stream().allMatch(Verdict::judged);
    }
}
