package io.scraptrace.streams.alerts.model;

/**
 * The site ledger's entry for one lot of one declaration: whether the declaration (as last
 * received) lists the lot, and the latest answer about it. An answer may arrive before its
 * declaration, and a re-sent declaration may drop a lot it listed before.
 *
 * @param declared whether the declaration lists the lot
 * @param answer   the latest answer about the lot, null before the first
 */
public record DeclaredLot(boolean declared, LotAnswer answer) {
    /** A listed lot not answered yet. */
    public static final DeclaredLot UNANSWERED = new DeclaredLot(true, null);

    /** This entry with {@code listed} as its declared flag. */
    public DeclaredLot listed(boolean listed) {
        return new DeclaredLot(listed, answer);
    }
}
