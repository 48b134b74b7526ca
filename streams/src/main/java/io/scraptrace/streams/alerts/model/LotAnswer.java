package io.scraptrace.streams.alerts.model;

/**
 * The lot ledger's answer to a {@link LotRequest}: what the lot measured and who claimed it first.
 * Sent again whenever the lot gets more readings, so the latest answer replaces earlier ones.
 *
 * @param declarationId the declaration that asked
 * @param lotId         the lot
 * @param facts         the lot's graded facts at answer time
 * @param claimedBy     the first declaration that listed the lot
 */
public record LotAnswer(String declarationId, String lotId, LotFacts facts, String claimedBy) {
}
