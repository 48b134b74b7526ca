package io.scraptrace.app.evaluation.lots;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.alerts.evaluation.InMemoryRocksDb;
import io.scraptrace.streams.lineage.LineageTopology;
import io.scraptrace.streams.lots.LotState;
import io.scraptrace.streams.lots.LotsTopology;
import io.scraptrace.streams.query.LotJson;
import io.scraptrace.streams.query.LotViews;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The production lot fold under a Kafka Streams TopologyTestDriver, wired as the streams
 * application wires it (graded readings registered by the lineage, which drops resends, then folded
 * per lot by {@link LotsTopology}), so a lot's grade, confidence and status are what
 * {@code GET /v1/lots/{id}} shows a regulator.
 */
final class LotsDriver implements AutoCloseable {
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, GradedReading> graded;
    private final Duration idle;
    private final double inspectionShare;

    /**
     * @param stateDir  where the driver keeps its (in-memory RocksDB) state
     * @param overrides configuration, e.g. {@code streams.lot.inspection.uncertain.share}
     */
    LotsDriver(Path stateDir, Map<String, String> overrides) {
        ScrapTraceConfig config = ScrapTraceConfig.of(overrides);
        Topics topics = config.topics();
        idle = Duration.ofMillis(config.getLong(LotViews.LOT_IDLE_MS, LotViews.DEFAULT_IDLE.toMillis()));
        inspectionShare = config.getDouble(LotViews.INSPECTION_SHARE, LotViews.DEFAULT_INSPECTION_SHARE);
        StreamsBuilder builder = new StreamsBuilder();
        LotsTopology.track(builder, LineageTopology.register(builder, config,
                builder.stream(topics.graded.name(), Consumed.with(topics.graded.keySerde(), topics.graded.valueSerde()))));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lots-driver");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, InMemoryRocksDb.class.getName());
        driver = new TopologyTestDriver(builder.build(), props);
        graded = driver.createInputTopic(topics.graded.name(), topics.graded.keySerde().serializer(), topics.graded.valueSerde().serializer());
    }

    /** One graded reading, keyed by its lot as the sorter writes it. */
    void graded(GradedReading reading) {
        graded.pipeInput(reading.getLotId(), reading, reading.getTimestamp());
    }

    /** The lot as the fold holds it, if any reading of it was folded. */
    Optional<LotState> lot(String lotId) {
        KeyValueStore<String, LotState> store = driver.getKeyValueStore(LotsTopology.STORE);
        return Optional.ofNullable(store.get(lotId));
    }

    /**
     * The lot's status as the query API renders it once the lot went quiet: NEEDS_INSPECTION or
     * GRADED.
     */
    String settledStatus(LotState lot) {
        return LotJson.status(lot, Instant.ofEpochMilli(lot.lastGradedAt()).plus(idle), idle, inspectionShare);
    }

    /** The UNCERTAIN mass share above which a lot needs inspection. */
    double inspectionShare() {
        return inspectionShare;
    }

    @Override
    public void close() {
        driver.close();
    }
}
