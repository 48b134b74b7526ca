package io.scraptrace.specimens;

import io.scraptrace.avro.Reading;

/**
 * A generated reading with what the piece really was and the label it was given.
 *
 * @param reading    the reading as a plant would send it
 * @param trueGrade  the grade the piece was drawn from
 * @param label      the grade it is labelled with: {@code trueGrade} unless mislabelled
 * @param corruption how the piece departs from a clean, correctly labelled one
 * @param truth      the piece's true properties before sensor noise
 */
public record LabelledPiece(Reading reading, String trueGrade, String label, Corruption corruption,
                            PieceProperties truth) {
}
