package io.scraptrace.streams.cases;

import io.scraptrace.avro.Case;
import io.scraptrace.schemas.topics.Topic;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest case of every declaration in a global store, present on every instance. Cases
 * are few (one per declaration a regulator acts on) and every alert view, list filter, statistic
 * and report needs the case of each alert it shows: a global store lets each instance join them
 * to its own part of the alerts without asking another instance per alert.
 */
public final class CaseTopology {
    /** Queryable global KeyValueStore&lt;declarationId, Case&gt;. */
    public static final String STORE = "views-cases-store";

    private CaseTopology() {
    }

    /** Adds the global cases table, read from {@code topic}. */
    public static void build(StreamsBuilder builder, Topic<String, Case> topic) {
        builder.globalTable(topic.name(),
                Consumed.with(topic.keySerde(), topic.valueSerde()).withName("views-cases-source"),
                Materialized.<String, Case, KeyValueStore<Bytes, byte[]>>as(STORE)
                        .withKeySerde(topic.keySerde()).withValueSerde(topic.valueSerde()));
    }
}
