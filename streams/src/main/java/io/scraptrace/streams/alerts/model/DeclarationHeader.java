package io.scraptrace.streams.alerts.model;

/**
 * The per-site ledger's file on one declaration, without anything that grows with its lots: the
 * declaration minus its lot list, counters over its lots, the answers summed, and what was last
 * sent. The lot list and the answers about each lot are kept apart, one entry per lot, and read
 * only when a rule must name lots.
 *
 * @param declaration       the declaration without its lot list ({@link Declaration#withoutLots()}),
 *                          null while only lot answers have arrived
 * @param lotsDeclared      distinct lots the declaration lists
 * @param lotsAnswered      of those, how many have an answer
 * @param lotsAtFault       of those, how many were graded at another site or claimed first by
 *                          another declaration
 * @param tally             every answer received for the declaration, summed
 * @param exportedBeforeKg  mass of the declared material the site had declared before this one
 * @param decided           whether a verdict was sent (all lots answered, or the wait ran out)
 * @param lastVerdictDigest digest of the verdict sent last, null before the first
 */
public record DeclarationHeader(Declaration declaration, int lotsDeclared, int lotsAnswered, int lotsAtFault, AnswerTally tally,
                                double exportedBeforeKg, boolean decided, String lastVerdictDigest) {
    /** A file for which nothing arrived yet. */
    public static DeclarationHeader empty() {
        return new DeclarationHeader(null, 0, 0, 0, AnswerTally.empty(), 0.0, false, null);
    }

    /** This file with the (possibly re-sent) declaration and its lots counted anew. */
    public DeclarationHeader withDeclaration(Declaration newDeclaration, int declared, int answered, int atFault, double newExportedBeforeKg) {
        return new DeclarationHeader(newDeclaration.withoutLots(), declared, answered, atFault, tally, newExportedBeforeKg, decided,
                lastVerdictDigest);
    }

    /** This file after an answer: the new tally and counters. */
    public DeclarationHeader withAnswers(AnswerTally newTally, int answered, int atFault) {
        return new DeclarationHeader(declaration, lotsDeclared, answered, atFault, newTally, exportedBeforeKg, decided, lastVerdictDigest);
    }

    /** This file once the verdict of digest {@code digest} has been sent. */
    public DeclarationHeader decidedAs(String digest) {
        return new DeclarationHeader(declaration, lotsDeclared, lotsAnswered, lotsAtFault, tally, exportedBeforeKg, true, digest);
    }

    /** Whether every declared lot has been answered. */
    public boolean allLotsAnswered() {
        return declaration != null && lotsAnswered == lotsDeclared;
    }

    /** Whether every declared lot was answered, graded at the declared origin and claimed first by this declaration. */
    public boolean allLotsTraceable() {
        return allLotsAnswered() && lotsAtFault == 0;
    }

    /** Whether {@code answer} makes its lot untraceable for {@code declaration}: graded elsewhere, or claimed first by another. */
    public static boolean atFault(LotAnswer answer, Declaration declaration) {
        return answer != null && (!answer.facts().siteId().equals(declaration.siteId())
                || !answer.claimedBy().equals(declaration.declarationId()));
    }
}
