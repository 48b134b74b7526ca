package io.scraptrace.streams.combine;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.streams.balance.SiteBalance;
import io.scraptrace.streams.kpis.MonthlyTotals;

/**
 * One sum the combiner sends on: a region's partial aggregate (keyed by region), a site's graded
 * intake (keyed by site) or a region's month of intake (keyed region|yyyy-MM); exactly one is set.
 *
 * @param regionPartial what the readings added to a region's window, or null
 * @param siteIntake    what they added to a site's balance, or null
 * @param monthIntake   what they added to a region's month of KPIs, or null
 */
public record CombinedSums(RegionAggregate regionPartial, SiteBalance siteIntake, MonthlyTotals monthIntake) {
}
