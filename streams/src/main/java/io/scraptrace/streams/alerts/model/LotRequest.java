package io.scraptrace.streams.alerts.model;

/**
 * A declaration asking for the facts of one of its lots (routed by lotId to the lot ledger).
 *
 * @param declarationId  the asking declaration
 * @param declaredSiteId the declaration's origin site, where the answer is sent
 * @param lotId          the lot asked for
 */
public record LotRequest(String declarationId, String declaredSiteId, String lotId) {
}
