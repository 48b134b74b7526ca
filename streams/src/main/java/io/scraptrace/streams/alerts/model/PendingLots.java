package io.scraptrace.streams.alerts.model;

import java.util.List;

/**
 * Where a declaration that is not judged yet stands: the declared lots not graded yet and when it
 * is judged at the latest.
 *
 * @param lotsMissing      declared lots not graded yet, at most {@link #LISTED}
 * @param lotsMissingCount how many declared lots are not graded yet
 * @param judgeBy          wall-clock millis by which it is judged, missing lots or not; 0 when the
 *                         site ledger has not started its wait yet
 */
public record PendingLots(List<String> lotsMissing, int lotsMissingCount, long judgeBy) {
    /** Most missing lots listed: a bulk shipment may list thousands. */
    public static final int LISTED = 100;

    public PendingLots {
        lotsMissing = List.copyOf(lotsMissing);
    }

    /** A declaration just accepted: all its lots are missing as far as anyone knows. */
    public static PendingLots arrived(Declaration declaration) {
        List<String> lots = declaration.lotIds().stream().distinct().toList();
        return new PendingLots(lots.subList(0, Math.min(LISTED, lots.size())), lots.size(), 0);
    }
}
