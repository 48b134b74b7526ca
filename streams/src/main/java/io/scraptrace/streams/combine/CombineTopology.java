package io.scraptrace.streams.combine;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.streams.aggregates.AggregatesTopology;
import io.scraptrace.streams.balance.SiteBalance;
import io.scraptrace.streams.kpis.KpisTopology;
import io.scraptrace.streams.kpis.MonthlyTotals;
import io.scraptrace.streams.lots.LotReading;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The {@link Combiner} on the lot partitions, between the lot tracker and the views that
 * repartition by region (aggregates), by site (balances) and by region and month (KPIs).
 */
public final class CombineTopology {
    private CombineTopology() {
    }

    /**
     * The sums the views are built from.
     *
     * @param byRegion partial aggregates, keyed by region
     * @param bySite   graded intake, keyed by siteId
     * @param byMonth  graded intake of a region's month, keyed region|yyyy-MM
     */
    public record Sums(KStream<String, RegionAggregate> byRegion, KStream<String, SiteBalance> bySite,
                       KStream<String, MonthlyTotals> byMonth) {
    }

    /** Adds the combiner of {@code readings}; {@code sitesStore} is the site registry's global store. */
    public static Sums build(StreamsBuilder builder, ScrapTraceConfig config, KStream<String, LotReading> readings, String sitesStore) {
        Combiner.addStore(builder);
        KStream<String, CombinedSums> sums = readings.process(
                () -> new Combiner(sitesStore, AggregatesTopology.grace(config), Combiner.interval(config), KpisTopology.zone(config)),
                Named.as("views-combine"),
                Combiner.STORE);
        return new Sums(
                sums.filter((region, s) -> s.regionPartial() != null, Named.as("views-combine-regional"))
                        .mapValues(CombinedSums::regionPartial, Named.as("views-combine-region-partials")),
                sums.filter((site, s) -> s.siteIntake() != null, Named.as("views-combine-sites"))
                        .mapValues(CombinedSums::siteIntake, Named.as("views-combine-site-intake")),
                sums.filter((month, s) -> s.monthIntake() != null, Named.as("views-combine-months"))
                        .mapValues(CombinedSums::monthIntake, Named.as("views-combine-month-intake")));
    }
}
