package io.scraptrace.streams.combine;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.streams.balance.SiteBalance;

/**
 * One sum the combiner sends on: a region's partial aggregate (keyed by region) or a site's graded
 * intake (keyed by site); exactly one is set.
 *
 * @param regionPartial what the readings added to a region's window, or null
 * @param siteIntake    what they added to a site's balance, or null
 */
public record CombinedSums(RegionAggregate regionPartial, SiteBalance siteIntake) {
}
