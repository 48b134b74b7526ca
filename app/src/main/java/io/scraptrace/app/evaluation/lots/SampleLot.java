package io.scraptrace.app.evaluation.lots;

import io.scraptrace.specimens.LabelledPiece;
import java.util.List;
import java.util.Map;

/**
 * A generated lot: the pieces a plant's line read for it, what it was filled as, and what the
 * catalogue's criteria make of it as a whole.
 *
 * @param lotId             lot id on its readings
 * @param nominalGrade      the grade the lot was filled with
 * @param pieces            its pieces as the line's stations read them, foreign ones included
 * @param foreignMassShare  mass share of pieces of another material (by the masses the readings report)
 * @param bulk              mass-weighted true composition of the whole lot, wt%
 * @param breach            the first composition range of {@code nominalGrade} that {@code bulk} breaks;
 *                          null when the lot as a whole meets its grade
 */
record SampleLot(String lotId, String nominalGrade, List<LabelledPiece> pieces, double foreignMassShare,
                 Map<String, Double> bulk, String breach) {
    SampleLot {
        pieces = List.copyOf(pieces);
        bulk = Map.copyOf(bulk);
    }

    /** Whether the lot as a whole meets every composition range of the grade it was filled as. */
    boolean meetsNominal() {
        return breach == null;
    }
}
