package io.scraptrace.specimens;

import java.util.Map;

/**
 * What a piece (or portion of a lot) really is, before any sensor looks at it.
 *
 * @param composition      element -> true wt%
 * @param densityGcc       true density
 * @param magneticFraction true mass share a drum magnet lifts
 * @param thicknessMm      true wall/plate thickness, null for powders
 * @param moisturePct      true moisture
 * @param massKg           mass of the portion
 */
public record PieceProperties(Map<String, Double> composition, double densityGcc, double magneticFraction,
                              Double thicknessMm, double moisturePct, double massKg) {
    public PieceProperties {
        composition = Map.copyOf(composition);
    }
}
