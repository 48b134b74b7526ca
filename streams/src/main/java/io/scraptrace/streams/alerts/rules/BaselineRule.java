package io.scraptrace.streams.alerts.rules;

import io.scraptrace.streams.alerts.model.CheckKind;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Reason;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A rule comparing one figure of a declaration with the same figure of the previous declarations
 * that share a key (an HS code, an exporter).
 */
public interface BaselineRule {
    /** The check kind its verdicts report. */
    CheckKind kind();

    /** Suffix of its state store and repartition topic names. */
    String name();

    /** The key declarations are compared within. */
    String keyOf(Declaration declaration);

    /** The declaration's figure; empty when it has none (e.g. zero mass). */
    OptionalDouble sample(Declaration declaration);

    /** How many previous figures the baseline keeps. */
    int window();

    /** The reason raised against {@code value} given the previous figures, oldest first. */
    Optional<Reason> evaluate(Declaration declaration, double value, List<Double> previous);
}
