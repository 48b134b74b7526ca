package io.scraptrace.streams.alerts.model;

import io.scraptrace.avro.Site;

/**
 * What the site registry said about a declaration's origin when the declaration arrived.
 *
 * @param registered     whether the site is in the registry at all
 * @param region         its region, {@code UNKNOWN} when unregistered
 * @param licensed       the registry's licence flag
 * @param licenseExpires ISO-8601 date the licence expires, or null
 */
public record SiteStatus(boolean registered, String region, boolean licensed, String licenseExpires) {
    /** Region used for sites the registry does not know. */
    public static final String UNKNOWN_REGION = "UNKNOWN";

    /** The status of a registry entry, or of an unregistered site when {@code site} is null. */
    public static SiteStatus of(Site site) {
        if (site == null) {
            return new SiteStatus(false, UNKNOWN_REGION, false, null);
        }
        return new SiteStatus(true, site.getRegion(), site.getLicensed(), site.getLicenseExpires());
    }
}
