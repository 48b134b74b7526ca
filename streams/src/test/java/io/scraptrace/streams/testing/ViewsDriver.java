package io.scraptrace.streams.testing;

import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.avro.Site;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.app.StreamsTopology;
import io.scraptrace.streams.combine.Combiner;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The complete streams topology (views and alerts) in a {@link TopologyTestDriver}, with the
 * contract topics as test inputs and outputs.
 */
public final class ViewsDriver implements AutoCloseable {
    public final ScrapTraceConfig config;
    public final TopologyTestDriver driver;
    public final TestInputTopic<String, GradedReading> graded;
    public final TestInputTopic<String, ExportDeclaration> exports;
    public final TestInputTopic<String, Site> sites;
    public final TestOutputTopic<String, RegionAggregate> aggregates;

    public ViewsDriver(Path stateDir, Map<String, String> settings) {
        config = ScrapTraceConfig.of(settings);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "views-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(StreamsTopology.build(config), props);
        Topics topics = config.topics();
        graded = input(topics.graded);
        exports = input(topics.exports);
        sites = input(topics.sites);
        aggregates = driver.createOutputTopic(topics.aggregates.name(), topics.aggregates.keySerde().deserializer(),
                topics.aggregates.valueSerde().deserializer());
    }

    public ViewsDriver(Path stateDir) {
        this(stateDir, Map.of());
    }

    /** Pipes a graded reading keyed by its lotId, and lets the combiners send their sums on. */
    public void grade(GradedReading reading) {
        graded.pipeInput(reading.getLotId(), reading, reading.getTimestamp());
        driver.advanceWallClockTime(Combiner.interval(config));
    }

    /** Pipes a declaration keyed by its id, and lets the combiners send their sums on. */
    public void declare(ExportDeclaration declaration) {
        exports.pipeInput(declaration.getDeclarationId(), declaration, declaration.getTimestamp());
        driver.advanceWallClockTime(Combiner.interval(config));
    }

    /** Registers a site. */
    public void register(Site site) {
        sites.pipeInput(site.getSiteId(), site);
    }

    public <V> KeyValueStore<String, V> keyValueStore(String name) {
        return driver.getKeyValueStore(name);
    }

    public <V> WindowStore<String, V> windowStore(String name) {
        return driver.getWindowStore(name);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
