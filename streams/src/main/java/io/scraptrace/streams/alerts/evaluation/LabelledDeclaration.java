package io.scraptrace.streams.alerts.evaluation;

import io.scraptrace.avro.ExportDeclaration;
import java.util.Set;
import java.util.TreeSet;

/**
 * A declaration with the alert codes it should raise and where that expectation comes from.
 *
 * @param declaration the declaration
 * @param expected    codes a correct judgement raises, empty for a clean declaration
 * @param source      why: the public source or planted anomaly behind the expectation
 */
public record LabelledDeclaration(ExportDeclaration declaration, Set<String> expected, String source) {
    public LabelledDeclaration {
        expected = new TreeSet<>(expected);
    }
}
