package io.scraptrace.schemas.topics;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.BaselConsent;
import io.scraptrace.avro.Case;
import io.scraptrace.avro.DeadLetter;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Frame;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Label;
import io.scraptrace.avro.Reading;
import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.avro.Site;
import io.scraptrace.schemas.serde.ValueSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of every contract topic (CONTRACT section 6) with its serdes and creation settings.
 * Services take names and serdes from here, never from string literals, so a prefix change or a
 * serde change happens in one place: the value serdes come from the {@link ValueSerdes} it is built
 * with (the embedded single-object encoding, or a schema registry).
 */
public final class Topics {
    /** Default name prefix. */
    public static final String DEFAULT_PREFIX = "scrap.";
    /** The registry under the default prefix. */
    public static final Topics DEFAULT = new Topics(DEFAULT_PREFIX);

    private static final int STREAM_PARTITIONS = 6;
    private static final Map<String, String> EVENTS = retention(Duration.ofDays(30));
    private static final Map<String, String> COMPACTED = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, String.valueOf(Duration.ofMinutes(1).toMillis()));

    public final Topic<String, Reading> readings;
    public final Topic<String, Frame> frames;
    public final Topic<String, GradedReading> graded;
    public final Topic<String, ExportDeclaration> exports;
    public final Topic<String, Site> sites;
    public final Topic<String, BaselConsent> consents;
    public final Topic<String, Alert> alerts;
    public final Topic<String, RegionAggregate> aggregates;
    public final Topic<String, DeadLetter> deadLetter;
    public final Topic<String, Label> labels;
    public final Topic<String, Case> cases;

    private final ValueSerdes values;
    private final List<Topic<String, ? extends SpecificRecord>> all;

    /** The topics under {@code prefix}, values in the embedded single-object encoding. */
    public Topics(String prefix) {
        this(prefix, ValueSerdes.EMBEDDED);
    }

    /** The topics under {@code prefix}, values encoded by {@code values}. */
    public Topics(String prefix, ValueSerdes values) {
        this.values = values;
        readings = topic(prefix + "readings", Reading.class, STREAM_PARTITIONS, EVENTS);
        // Frames are large and only needed until graded: keep them a week.
        frames = topic(prefix + "frames", Frame.class, STREAM_PARTITIONS, retention(Duration.ofDays(7)));
        graded = topic(prefix + "graded", GradedReading.class, STREAM_PARTITIONS, EVENTS);
        exports = topic(prefix + "exports", ExportDeclaration.class, STREAM_PARTITIONS, retention(Duration.ofDays(365)));
        sites = topic(prefix + "sites", Site.class, 1, COMPACTED);
        consents = topic(prefix + "consents", BaselConsent.class, 1, COMPACTED);
        alerts = topic(prefix + "alerts", Alert.class, 3, retention(Duration.ofDays(365)));
        aggregates = topic(prefix + "aggregates", RegionAggregate.class, 3, COMPACTED);
        deadLetter = topic(prefix + "deadletter", DeadLetter.class, 3, EVENTS);
        // Labels are the ground truth every retraining starts from, few and small: kept for good.
        labels = topic(prefix + "labels", Label.class, STREAM_PARTITIONS, retention(Duration.ofMillis(-1)));
        // Regulators' case changes, keyed by declarationId: compacted, each record holds the whole history.
        cases = topic(prefix + "cases", Case.class, 3, COMPACTED);
        all = List.of(readings, frames, graded, exports, sites, consents, alerts, aggregates, deadLetter, labels, cases);
    }

    /** Every contract topic, in data-flow order. */
    public List<Topic<String, ? extends SpecificRecord>> all() {
        return all;
    }

    /** The topic of that full name, if it is a contract topic. */
    public Optional<Topic<String, ? extends SpecificRecord>> byName(String name) {
        return all.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private <V extends SpecificRecord> Topic<String, V> topic(String name, Class<V> type, int partitions, Map<String, String> configs) {
        return new Topic<>(name, Serdes.String(), values.serdeOf(type), partitions, configs);
    }

    private static Map<String, String> retention(Duration duration) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(duration.toMillis()));
    }
}
