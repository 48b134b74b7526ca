package io.scraptrace.streams.cases;

import io.scraptrace.avro.Case;
import io.scraptrace.avro.CaseActor;
import io.scraptrace.avro.CaseChange;
import io.scraptrace.avro.CaseStatus;
import io.scraptrace.core.auth.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The states a case may go through: OPEN (no decision yet, the state of every alert without a
 * case record) -> INVESTIGATING -> CONFIRMED or CLEARED. A closed case may be reopened to
 * INVESTIGATING when new evidence turns up; the reopening is itself a history entry, so the
 * earlier decision stays on record. Nothing leads back to OPEN, and a change must change the
 * status.
 */
public final class CaseWorkflow {
    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            CaseStatus.OPEN, EnumSet.of(CaseStatus.INVESTIGATING),
            CaseStatus.INVESTIGATING, EnumSet.of(CaseStatus.CONFIRMED, CaseStatus.CLEARED),
            CaseStatus.CONFIRMED, EnumSet.of(CaseStatus.INVESTIGATING),
            CaseStatus.CLEARED, EnumSet.of(CaseStatus.INVESTIGATING));

    private CaseWorkflow() {
    }

    /** The status of {@code current}, OPEN when there is no case yet. */
    public static CaseStatus statusOf(Case current) {
        return current == null ? CaseStatus.OPEN : current.getStatus();
    }

    /** The statuses a case in {@code from} may move to. */
    public static Set<CaseStatus> allowedFrom(CaseStatus from) {
        return NEXT.get(from);
    }

    /**
     * Why moving {@code current} to {@code to} is forbidden, or empty when it is allowed.
     */
    public static Optional<String> refusal(Case current, CaseStatus to) {
        CaseStatus from = statusOf(current);
        if (allowedFrom(from).contains(to)) {
            return Optional.empty();
        }
        return Optional.of("a case in " + from + " cannot move to " + to + "; allowed: " + allowedFrom(from));
    }

    /**
     * {@code current} (null for none) with the change appended; the caller has checked
     * {@link #refusal} first.
     */
    public static Case apply(String declarationId, Case current, CaseStatus to, String note, Principal by, Instant at) {
        List<CaseChange> history = new ArrayList<>(current == null ? List.of() : current.getHistory());
        history.add(CaseChange.newBuilder()
                .setStatus(to)
                .setNote(note)
                .setBy(CaseActor.newBuilder()
                        .setName(by.name())
                        .setRole(by.role().name().toLowerCase(Locale.ROOT))
                        .setScopes(by.scopes().stream().sorted().toList())
                        .build())
                .setAt(at)
                .build());
        return Case.newBuilder().setDeclarationId(declarationId).setStatus(to).setHistory(history).build();
    }
}
