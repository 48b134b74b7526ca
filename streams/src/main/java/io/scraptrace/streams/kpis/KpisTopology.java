package io.scraptrace.streams.kpis;

import io.scraptrace.avro.Alert;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.streams.serde.JsonSerde;
import java.time.ZoneId;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Monthly totals per region for the policy KPIs, kept for as long as the deployment runs: the views'
 * {@link io.scraptrace.streams.combine.Combiner} sums the deduplicated graded readings per region and
 * month on the lot's partition (with the aggregates' and balances' sums, in one pass), each judged
 * declaration is booked once by the {@link ExportTally} from the alerts topic, and both are summed
 * into {@link #STORE}, keyed
 * {@code region|yyyy-MM}. The store's changelog is compacted (one record per region and month), so
 * the history survives restarts and rebalances without time-based retention; resetting the
 * application rebuilds it from the graded and alerts topics as far back as they reach.
 */
public final class KpisTopology {
    /** Queryable KeyValueStore&lt;region|yyyy-MM, MonthlyTotals&gt;. */
    public static final String STORE = "views-kpis-monthly-store";
    /** Config key: the time zone months and years are taken in (default UTC, as the contract's times). */
    public static final String ZONE = "kpis.zone";

    private KpisTopology() {
    }

    /** The zone of {@code config}'s months. */
    public static ZoneId zone(ScrapTraceConfig config) {
        return ZoneId.of(config.get(ZONE, "UTC"));
    }

    /**
     * Adds the monthly totals of the graded intake, summed by region and month ({@code intake}, from
     * the combiner), and of the judged declarations in {@code alerts}.
     */
    public static void build(StreamsBuilder builder, ScrapTraceConfig config, KStream<String, MonthlyTotals> intake,
                             KStream<String, Alert> alerts) {
        ZoneId zone = zone(config);
        Serde<MonthlyTotals> serde = MonthlyTotalsCodec.serde();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ExportTally.COUNTED_STORE),
                Serdes.String(), new JsonSerde<>(CountedExport.class)));
        KStream<String, MonthlyTotals> exports = alerts.process(() -> new ExportTally(zone), Named.as("views-kpis-exports"),
                ExportTally.COUNTED_STORE);
        intake.merge(exports, Named.as("views-kpis-merge"))
                .groupByKey(Grouped.with("views-kpis-by-month", Serdes.String(), serde))
                .reduce(MonthlyTotals::add, Named.as("views-kpis-monthly"),
                        Materialized.<String, MonthlyTotals, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(serde));
    }
}
