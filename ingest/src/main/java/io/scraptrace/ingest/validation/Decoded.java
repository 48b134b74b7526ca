package io.scraptrace.ingest.validation;

/**
 * One item read from the token stream: its record or violations, and the site it claims, which
 * decides whether the token may send it at all, valid or not.
 *
 * @param validated     the record or what is wrong with the item
 * @param claimedSiteId the item's {@code siteId} if it is a string (whatever else is wrong), else null
 * @param <T>           record type
 */
public record Decoded<T>(Validated<T> validated, String claimedSiteId) {
}
