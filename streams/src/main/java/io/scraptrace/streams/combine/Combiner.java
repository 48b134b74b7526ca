package io.scraptrace.streams.combine;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.avro.Site;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.streams.aggregates.AggregateWindow;
import io.scraptrace.streams.aggregates.RegionContribution;
import io.scraptrace.streams.aggregates.RegionTotals;
import io.scraptrace.streams.balance.SiteBalance;
import io.scraptrace.streams.kpis.MonthKey;
import io.scraptrace.streams.kpis.MonthlyTotals;
import io.scraptrace.streams.lots.LotReading;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Sums what the readings of a lot partition add to the views keyed by few keys - the regional
 * aggregates, the site balances and the regions' monthly KPIs - before they are repartitioned, like a
 * MapReduce combiner: readings arrive keyed by lot, but regions, sites and months have only a few
 * keys, so a repartition would carry one record per reading where one sum per key and interval does.
 * One {@link SiteShare} per site, region, smallest open window and month feeds all three views, so a
 * reading costs one site lookup and one store write for all; the site's region is read from the site
 * registry's global store here rather than in a join node of its own.
 * <p>
 * The sums live in a changelogged, cached store and are forwarded and deleted on a wall-clock timer;
 * under exactly-once both happen in the transaction that commits the input offsets, so a crash
 * neither loses nor repeats a reading's share. The store is written on every record (that is what
 * makes the sums durable) but never read on the hot path: the processor keeps the same few sums as
 * objects, loaded from the store whenever the task (re)initialises.
 */
public final class Combiner implements Processor<String, LotReading, String, CombinedSums> {
    /** Config key: how often the combiner forwards its sums. */
    public static final String INTERVAL_MS = "streams.combine.interval.ms";
    /** Default interval: well under the commit interval, so it adds little to freshness. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);
    /** The running sums: store key -> {@link SiteShare}. */
    public static final String STORE = "views-combine-store";

    /** Separates the parts of a store key; site ids, regions and window labels never contain it. */
    private static final char SEPARATOR = '\u001f';

    private final String sitesStore;
    private final Duration grace;
    private final Duration interval;
    private final MonthKey months;
    private ProcessorContext<String, CombinedSums> context;
    private KeyValueStore<String, SiteShare> store;
    private TimestampedKeyValueStore<String, Site> sites;
    /** The store's content as objects: a few per interval (sites x open windows). */
    private Map<ShareKey, Pending> pending;

    /** Where a reading's share goes; the window start is 0 for all-time. */
    private record ShareKey(String siteId, String region, AggregateWindow window, long start, String month) {
        String storeKey() {
            return siteId + SEPARATOR + region + SEPARATOR + window.label() + SEPARATOR + start + SEPARATOR + month;
        }
    }

    /** A running sum and the store key it is written under (built once, not per reading). */
    private record Pending(String storeKey, SiteShare share) {
    }

    /**
     * @param sitesStore the site registry's global store, for each reading's region
     * @param grace      how long after its end a window still takes late readings
     * @param interval   how often the sums are forwarded
     * @param zone       the zone the KPIs' months are taken in
     */
    public Combiner(String sitesStore, Duration grace, Duration interval, ZoneId zone) {
        this.sitesStore = sitesStore;
        this.grace = grace;
        this.interval = interval;
        this.months = new MonthKey(zone);
    }

    /** How often the combiner of {@code config} forwards its sums. */
    public static Duration interval(ScrapTraceConfig config) {
        return Duration.ofMillis(config.getLong(INTERVAL_MS, DEFAULT_INTERVAL.toMillis()));
    }

    /** Adds the combiner's store. */
    static void addStore(StreamsBuilder builder) {
        // Cached: a key rewritten by every record reaches RocksDB and the changelog once per commit at most.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), SiteShareCodec.serde())
                .withCachingEnabled());
    }

    @Override
    public void init(ProcessorContext<String, CombinedSums> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.sites = context.getStateStore(sitesStore);
        // Called again when a task is revived after a failure: the store then holds what was committed.
        this.pending = new HashMap<>();
        try (KeyValueIterator<String, SiteShare> it = store.all()) {
            it.forEachRemaining(entry -> pending.put(keyOf(entry.value), new Pending(entry.key, entry.value)));
        }
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<String, LotReading> record) {
        LotReading lotReading = record.value();
        String siteId = lotReading.reading().getSiteId();
        ValueAndTimestamp<Site> site = sites.get(siteId);
        RegionContribution c = RegionContribution.of(lotReading.reading(), lotReading.firstOfLot(), site == null ? null : site.value());
        long time = record.timestamp();
        AggregateWindow window = AggregateWindow.finestOpen(time, context.currentStreamTimeMs(), grace);
        ShareKey key = new ShareKey(siteId, c.region(), window, window.windowed() ? window.startOf(time) : 0, months.month(time));
        Pending sum = pending.computeIfAbsent(key, k -> new Pending(k.storeKey(), new SiteShare(siteId, k.month(),
                RegionTotals.partial(k.region(), k.window(), k.window().windowed() ? Instant.ofEpochMilli(k.start()) : null),
                MonthlyTotals.empty())));
        sum.share().add(c);
        store.put(sum.storeKey(), sum.share());
    }

    /** Sends each region's, site's and region month's sums on, summed over the shares, and empties the store. */
    private void flush() {
        Map<ShareKey, RegionAggregate> regional = new HashMap<>();
        Map<String, SiteBalance> intake = new HashMap<>();
        Map<String, MonthlyTotals> monthly = new HashMap<>();
        for (Map.Entry<ShareKey, Pending> entry : pending.entrySet()) {
            Pending sum = entry.getValue();
            store.delete(sum.storeKey());
            SiteShare share = sum.share();
            RegionAggregate partial = share.partial();
            ShareKey siteKey = entry.getKey();
            // The shares are discarded after this, so the first of a region and window becomes their sum.
            regional.merge(new ShareKey("", siteKey.region(), siteKey.window(), siteKey.start(), ""), partial, RegionTotals::add);
            intake.merge(share.siteId(), SiteBalance.intake(share.intake().intakeKgByGrade(), partial.getReadings()), SiteBalance::plus);
            monthly.merge(MonthKey.key(siteKey.region(), share.month()), share.intake(), MonthlyTotals::add);
        }
        pending.clear();
        long timestamp = Math.max(context.currentStreamTimeMs(), 0);
        regional.forEach((key, partial) -> context.forward(new Record<>(key.region(), new CombinedSums(partial, null, null), timestamp)));
        intake.forEach((siteId, balance) -> context.forward(new Record<>(siteId, new CombinedSums(null, balance, null), timestamp)));
        monthly.forEach((monthKey, totals) -> context.forward(new Record<>(monthKey, new CombinedSums(null, null, totals), timestamp)));
    }

    private static ShareKey keyOf(SiteShare share) {
        RegionAggregate partial = share.partial();
        AggregateWindow window = AggregateWindow.byLabel(partial.getWindow()).orElse(AggregateWindow.ALL);
        Instant start = partial.getWindowStart();
        return new ShareKey(share.siteId(), partial.getRegion(), window, start == null ? 0 : start.toEpochMilli(), share.month());
    }
}
