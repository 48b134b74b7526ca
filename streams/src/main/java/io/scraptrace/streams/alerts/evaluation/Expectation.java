package io.scraptrace.streams.alerts.evaluation;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a correct judgement of one declaration raises, once the evidence gate is accounted for.
 *
 * @param expected        codes it must raise
 * @param held            planted grade codes the evidence gate holds back (INSUFFICIENT_EVIDENCE is in
 *                        {@code expected} instead)
 * @param inspectOptional below the gate with no grade code planted: INSUFFICIENT_EVIDENCE may be raised or not
 * @param gradedShare     share of the declared mass graded with confidence, NaN when the gate was not applied
 */
record Expectation(Set<String> expected, Set<String> held, boolean inspectOptional, double gradedShare) {
    Expectation {
        expected = new TreeSet<>(expected);
        held = new TreeSet<>(held);
    }

    /** The labels as they are: written knowing the grading. */
    static Expectation asLabelled(LabelledDeclaration labelled) {
        return new Expectation(labelled.expected(), Set.of(), false, Double.NaN);
    }

    /** Whether raising {@code code} is scored at all. */
    boolean scores(String code) {
        return !(inspectOptional && EvidenceGate.INSPECT.equals(code));
    }
}
