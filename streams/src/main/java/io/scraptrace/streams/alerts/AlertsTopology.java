package io.scraptrace.streams.alerts;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The export anomaly detection sub-topology (CONTRACT section 5): checks every export declaration
 * and writes one {@link Alert} per declaration to the alerts topic, keeping the latest one per
 * declarationId in {@link #ALERTS_STORE} for interactive queries.
 */
public final class AlertsTopology {
    /** Queryable KeyValueStore&lt;declarationId, Alert&gt; with the latest verdict per declaration. */
    public static final String ALERTS_STORE = "alerts-store";

    private AlertsTopology() {
    }

    /** Adds the alert sub-topology to {@code builder}. */
    public static void build(StreamsBuilder builder, ScrapTraceConfig config, AlertInputs inputs) {
        Topics topics = config.topics();
        inputs.exports()
                .mapValues(AlertsTopology::unchecked, Named.as("alerts-unchecked"))
                .toTable(Named.as("alerts-latest"), Materialized.<String, Alert, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(ALERTS_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(topics.alerts.valueSerde()))
                .toStream(Named.as("alerts-out"))
                .to(topics.alerts.name(), Produced.with(Serdes.String(), topics.alerts.valueSerde()).withName("alerts-sink"));
    }

    private static Alert unchecked(ExportDeclaration d) {
        return Alert.newBuilder()
                .setDeclarationId(d.getDeclarationId()).setExporterId(d.getExporterId()).setSiteId(d.getSiteId())
                .setRegion("UNKNOWN").setPort(d.getPort()).setDestination(d.getDestination()).setHsCode(d.getHsCode())
                .setDeclaredMaterial(d.getDeclaredMaterial()).setDeclaredGrade(d.getDeclaredGrade())
                .setDeclaredMassKg(d.getMassKg()).setSeverity(0).setReasons(List.of())
                .setTimestamp(d.getTimestamp()).setCheckedAt(Instant.now()).build();
    }
}
