package io.scraptrace.sorter.evaluation;

/**
 * Precision, recall and F1 of one grade.
 *
 * @param label     grade code
 * @param precision share of rows predicted as this grade that are this grade
 * @param recall    share of rows of this grade predicted as it
 * @param f1        harmonic mean of precision and recall
 * @param support   rows of this grade in the evaluated data
 */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
}
