package io.scraptrace.streams.combine;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.streams.aggregates.RegionContribution;
import io.scraptrace.streams.aggregates.RegionTotals;
import java.util.Map;

/**
 * What a site's readings added, since the combiner last sent its sums on, to one regional window
 * (the partial sum for the region's aggregates) and to the site's graded intake (for its balance).
 * Both views are fed from this one sum, so a reading costs one store write for both. Mutable: it is
 * the combiner's private running sum.
 *
 * @param siteId   the readings' site
 * @param partial  their share of the region's aggregate in one window (region, window and start set)
 * @param intakeKg their graded mass per grade code
 */
record SiteShare(String siteId, RegionAggregate partial, Map<String, Double> intakeKg) {
    /** Adds a reading, {@code c} being what it contributes to its region. */
    void add(RegionContribution c) {
        RegionTotals.addReading(partial, c);
        intakeKg.merge(c.grade(), c.massKg(), Double::sum);
    }
}
