package io.scraptrace.ingest;

import io.scraptrace.core.Service;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.Routes;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.core.metrics.Metrics;
import io.scraptrace.ingest.http.Admission;
import io.scraptrace.ingest.http.BodyReader;
import io.scraptrace.ingest.http.IngestRoutes;
import io.scraptrace.ingest.intake.Intake;
import io.scraptrace.ingest.intake.RecordKinds;
import io.scraptrace.ingest.mqtt.MqttBridge;
import io.scraptrace.ingest.publish.TransactionalPublisher;
import io.scraptrace.ingest.sites.SiteRegions;

/**
 * The ingest service: creates the contract topics, owns the transactional producers, the reader of
 * the sites' regions and the MQTT bridge (when {@code ingest.mqtt.url} is set), and provides the
 * HTTP routes. Register {@link #routes()} on an {@link io.scraptrace.core.http.ApiServer} before
 * starting it.
 */
public final class IngestService implements Service {
    private final ScrapTraceConfig config;
    private final IngestSettings settings;
    private final TransactionalPublisher publisher;
    private final IngestRoutes routes;
    private final MqttBridge mqtt;
    private final SiteRegions siteRegions;
    private volatile boolean started;

    /**
     * @param config  the process configuration
     * @param metrics the process's metrics
     */
    public IngestService(ScrapTraceConfig config, Metrics metrics) {
        this.config = config;
        this.settings = IngestSettings.from(config);
        this.publisher = new TransactionalPublisher(config, metrics, settings.producers(), settings.instanceId(), settings.kafkaTimeout());
        RecordKinds kinds = new RecordKinds(config.topics(), settings.maxFrameBytes());
        Intake intake = new Intake(publisher, config.topics().deadLetter, settings.dedupCapacity(), metrics);
        this.siteRegions = new SiteRegions(config, config.topics().sites, settings.kafkaTimeout());
        this.routes = new IngestRoutes(intake, kinds, new BodyReader(settings.maxBodyBytes()),
                new Admission(settings.maxInflightRequests(), settings.maxInflightBytes()), settings.maxItems(), siteRegions);
        this.mqtt = settings.mqtt().map(mqttSettings -> new MqttBridge(mqttSettings, intake, kinds)).orElse(null);
    }

    /** The settings in force (e.g. {@link IngestSettings#maxBodyBytes()} for the ApiServer). */
    public IngestSettings settings() {
        return settings;
    }

    /** The write endpoints. */
    public Routes routes() {
        return routes;
    }

    @Override
    public void start() {
        TopicCreator.ensureTopics(config);
        publisher.start();
        siteRegions.start();
        if (mqtt != null) {
            mqtt.start();
        }
        started = true;
    }

    @Override
    public void stop() {
        started = false;
        if (mqtt != null) {
            mqtt.close();
        }
        siteRegions.close();
        publisher.close();
    }

    /** Started, Kafka acknowledged the last batch, and the MQTT bridge (if any) is connected. */
    @Override
    public boolean ready() {
        return started && publisher.reachable() && (mqtt == null || mqtt.connected());
    }
}
