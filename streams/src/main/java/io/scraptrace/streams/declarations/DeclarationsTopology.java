package io.scraptrace.streams.declarations;

import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.schemas.topics.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps every export declaration by declarationId in {@link #STORE} (the root of the lineage) and
 * passes on only the first copy of each, so a resent declaration is not subtracted from a site's
 * stock twice.
 */
public final class DeclarationsTopology {
    /** Queryable KeyValueStore&lt;declarationId, ExportDeclaration&gt;. */
    public static final String STORE = "views-declarations-store";

    private DeclarationsTopology() {
    }

    /** Adds the declaration register; returns the declarations seen for the first time. */
    public static KStream<String, ExportDeclaration> register(StreamsBuilder builder, Topic<String, ExportDeclaration> topic,
                                                              KStream<String, ExportDeclaration> exports) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), topic.keySerde(), topic.valueSerde()));
        return exports.processValues(Register::new, Named.as("views-declarations"), STORE);
    }

    /** Stores the declaration; forwards it only if its id is new. */
    private static final class Register implements FixedKeyProcessor<String, ExportDeclaration, ExportDeclaration> {
        private FixedKeyProcessorContext<String, ExportDeclaration> context;
        private KeyValueStore<String, ExportDeclaration> declarations;

        @Override
        public void init(FixedKeyProcessorContext<String, ExportDeclaration> context) {
            this.context = context;
            this.declarations = context.getStateStore(STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, ExportDeclaration> record) {
            ExportDeclaration declaration = record.value();
            if (declaration == null) {
                return;
            }
            String id = declaration.getDeclarationId();
            if (declarations.get(id) == null) {
                declarations.put(id, declaration);
                context.forward(record);
            }
        }
    }
}
