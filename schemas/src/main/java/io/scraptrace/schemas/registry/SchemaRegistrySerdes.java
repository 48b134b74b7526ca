package io.scraptrace.schemas.registry;

import io.scraptrace.schemas.serde.ValueSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Topic values through a Confluent-compatible schema registry: one client shared by every topic's serde. */
public final class SchemaRegistrySerdes implements ValueSerdes {
    private final SchemaRegistryClient registry;

    public SchemaRegistrySerdes(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public <V extends SpecificRecord> Serde<V> serdeOf(Class<V> type) {
        return new RegistryAvroSerde<>(type, registry);
    }

    @Override
    public String toString() {
        return "schema registry " + registry.url();
    }
}
