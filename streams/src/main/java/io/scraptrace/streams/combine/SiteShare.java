package io.scraptrace.streams.combine;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.streams.aggregates.RegionContribution;
import io.scraptrace.streams.aggregates.RegionTotals;
import io.scraptrace.streams.kpis.MonthlyTotals;

/**
 * What a site's readings of one month added, since the combiner last sent its sums on, to one
 * regional window (the partial sum for the region's aggregates) and to the region's month (the
 * KPIs' intake, whose graded mass by grade is also the site's intake for its balance). All three
 * views are fed from this one sum, so a reading costs one store write for all. Mutable: it is the
 * combiner's private running sum.
 *
 * @param siteId  the readings' site
 * @param month   the month (yyyy-MM, in the KPI zone) they were measured in
 * @param partial their share of the region's aggregate in one window (region, window and start set)
 * @param intake  their share of the region's month: graded mass by grade, black-mass metals, readings
 */
record SiteShare(String siteId, String month, RegionAggregate partial, MonthlyTotals intake) {
    /** Adds a reading, {@code c} being what it contributes to its region. */
    void add(RegionContribution c) {
        RegionTotals.addReading(partial, c);
        intake.addReading(c);
    }
}
