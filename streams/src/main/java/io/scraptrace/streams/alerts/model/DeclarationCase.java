package io.scraptrace.streams.alerts.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The per-site ledger's file on one declaration: the declaration, the answers about its lots so
 * far, the site's declared exports before it, and the last LOTS verdict sent for it.
 *
 * @param declaration      the declaration, null while only lot answers have arrived
 * @param answers          lotId -> latest answer
 * @param exportedBeforeKg mass of the declared material the site had declared before this one
 * @param decided          whether a verdict was sent (all lots answered, or the wait ran out)
 * @param lastVerdict      the verdict sent last, null before the first
 */
public record DeclarationCase(Declaration declaration, Map<String, LotAnswer> answers, double exportedBeforeKg,
                              boolean decided, Verdict lastVerdict) {
    public DeclarationCase {
        answers = Map.copyOf(answers);
    }

    /** A case for which nothing arrived yet. */
    public static DeclarationCase empty() {
        return new DeclarationCase(null, Map.of(), 0.0, false, null);
    }

    /** This case with the (possibly re-sent) declaration. */
    public DeclarationCase withDeclaration(Declaration newDeclaration, double newExportedBeforeKg) {
        return new DeclarationCase(newDeclaration, answers, newExportedBeforeKg, decided, lastVerdict);
    }

    /** This case with the latest answer about one lot. */
    public DeclarationCase withAnswer(LotAnswer answer) {
        Map<String, LotAnswer> updated = new HashMap<>(answers);
        updated.put(answer.lotId(), answer);
        return new DeclarationCase(declaration, updated, exportedBeforeKg, decided, lastVerdict);
    }

    /** This case once {@code verdict} has been sent. */
    public DeclarationCase decidedAs(Verdict verdict) {
        return new DeclarationCase(declaration, answers, exportedBeforeKg, true, verdict);
    }

    /** Whether every declared lot has been answered. */
    public boolean allLotsAnswered() {
        return declaration != null && answers.keySet().containsAll(declaration.lotIds());
    }
}
