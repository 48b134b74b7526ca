package io.scraptrace.streams.alerts.rules;

import io.scraptrace.streams.alerts.model.LotAnswer;
import java.util.List;

/**
 * The lots of the declaration being judged, with the answers about them. The counts are at hand;
 * the lists are read from state only when a rule must name lots, so judging a declaration whose
 * lots are all in order does not grow with how many it lists.
 */
public interface DeclaredLots {
    /** How many distinct lots the declaration lists. */
    int count();

    /** Whether every listed lot was answered, graded at the declared origin and claimed first by this declaration. */
    boolean allTraceable();

    /** The lots as declared, in order, repeats included. */
    List<String> all();

    /** The distinct lots in declared order. */
    List<String> distinct();

    /** The distinct lots that were answered (graded), in declared order. */
    List<String> answered();

    /** The latest answer about {@code lotId}, null when none came. */
    LotAnswer answer(String lotId);
}
