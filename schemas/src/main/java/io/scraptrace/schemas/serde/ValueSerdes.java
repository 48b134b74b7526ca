package io.scraptrace.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * How topic values are encoded. {@link io.scraptrace.schemas.topics.Topics} asks it for the serde
 * of every contract topic, so one choice per configuration reaches every producer, consumer and
 * Kafka Streams application.
 */
public interface ValueSerdes {
    /** The embedded default: Avro single-object encoding with the shipped schema history, no server. */
    ValueSerdes EMBEDDED = new ValueSerdes() {
        @Override
        public <V extends SpecificRecord> Serde<V> serdeOf(Class<V> type) {
            return new AvroSerde<>(type);
        }

        @Override
        public String toString() {
            return "embedded single-object encoding";
        }
    };

    /** The serde of values of the generated record class {@code type}. */
    <V extends SpecificRecord> Serde<V> serdeOf(Class<V> type);
}
