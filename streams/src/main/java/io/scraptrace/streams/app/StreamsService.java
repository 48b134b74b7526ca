package io.scraptrace.streams.app;

import io.scraptrace.core.Service;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.core.metrics.Metrics;
import io.scraptrace.streams.alerts.consents.ConsentsLoader;
import io.scraptrace.streams.cases.CaseRegistry;
import io.scraptrace.streams.cases.CaseRoutes;
import io.scraptrace.streams.cases.CaseWriter;
import io.scraptrace.streams.kpis.KpiReport;
import io.scraptrace.streams.kpis.KpiRoutes;
import io.scraptrace.streams.kpis.KpiViews;
import io.scraptrace.streams.kpis.KpisTopology;
import io.scraptrace.streams.kpis.Targets;
import io.scraptrace.streams.passports.PassportRoutes;
import io.scraptrace.streams.passports.PassportViews;
import io.scraptrace.streams.query.AggregateViews;
import io.scraptrace.streams.query.AlertViews;
import io.scraptrace.streams.query.BalanceViews;
import io.scraptrace.streams.query.ChangelogEnds;
import io.scraptrace.streams.query.ClusterQuery;
import io.scraptrace.streams.query.Forwarder;
import io.scraptrace.streams.query.LineageViews;
import io.scraptrace.streams.query.LotViews;
import io.scraptrace.streams.query.QueryRoutes;
import io.scraptrace.streams.query.SiteRegistry;
import io.scraptrace.streams.query.StoreAccess;
import io.scraptrace.streams.reports.ReportRoutes;
import io.scraptrace.streams.reports.ReportStreamer;
import io.scraptrace.streams.sse.LiveFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams service: runs the Kafka Streams application (views and alerts) and serves its query
 * API and live feed on the process's {@link ApiServer}. Construct it before the server starts (it
 * registers its routes), start the server, then {@link #start()} it: the bound HTTP port becomes
 * this instance's {@code application.server}.
 */
public final class StreamsService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final ScrapTraceConfig config;
    private final ApiServer server;
    private final StoreAccess stores = new StoreAccess();
    private final LiveFeed feed;
    private final CaseWriter caseWriter;
    private volatile KafkaStreams streams;
    private ChangelogEnds changelogEnds;
    private Metrics.Binding streamsMetrics;

    public StreamsService(ScrapTraceConfig config, ApiServer server) {
        this.config = config;
        this.server = server;
        this.feed = new LiveFeed(config);
        SiteRegistry sites = new SiteRegistry(stores);
        Forwarder forwarder = new Forwarder();
        ClusterQuery cluster = new ClusterQuery(stores, forwarder);
        Duration idle = Duration.ofMillis(config.getLong(LotViews.LOT_IDLE_MS, LotViews.DEFAULT_IDLE.toMillis()));
        double inspectionShare = config.getDouble(LotViews.INSPECTION_SHARE, LotViews.DEFAULT_INSPECTION_SHARE);
        LotViews lots = new LotViews(stores, sites, idle, inspectionShare, Clock.systemUTC());
        CaseRegistry cases = new CaseRegistry(stores);
        caseWriter = new CaseWriter(config, cases::find, Clock.systemUTC());
        AlertViews alerts = new AlertViews(stores, cases);
        AggregateViews aggregates = new AggregateViews(stores);
        // Before the query routes: GET /v1/alerts/stats must match ahead of /v1/alerts/{declarationId}.
        server.register(new CaseRoutes(cluster, stores, caseWriter, alerts));
        server.register(new QueryRoutes(cluster, aggregates, lots, new BalanceViews(stores, sites),
                alerts, new LineageViews(stores, cluster, lots, sites)));
        server.register(new ReportRoutes(new ReportStreamer(stores, forwarder), alerts, aggregates));
        ZoneId zone = KpisTopology.zone(config);
        server.register(new KpiRoutes(cluster, new KpiViews(stores), new KpiReport(Targets.load(config), zone), zone, Clock.systemUTC()));
        server.register(new PassportRoutes(cluster, new PassportViews(stores, lots, sites, Clock.systemUTC())));
        server.register(feed);
        server.readiness("streams", this::ready);
        server.metrics().gauge("scraptrace_streams_sse_clients", "Connected /v1/stream clients", feed::clients);
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        TopicCreator.ensureTopics(config);
        // The Basel consent table must be on its topic before declarations are checked against it.
        ConsentsLoader.publish(config);
        int port = server.port() > 0 ? server.port() : config.httpPort();
        HostInfo self = new HostInfo(config.get(StreamsProperties.ADVERTISED_HOST, StreamsProperties.DEFAULT_ADVERTISED_HOST), port);
        Topology topology = StreamsTopology.build(config);
        Properties properties = StreamsProperties.of(config, self);
        KafkaStreams app = new KafkaStreams(topology, properties);
        streamsMetrics = server.metrics().bindStreams(app);
        app.setUncaughtExceptionHandler(e -> {
            // Exactly-once makes a replaced thread resume from the last commit: nothing lost, nothing twice.
            LOG.error("stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        changelogEnds = new ChangelogEnds(Admin.create(KafkaClients.admin(config)), properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
        stores.attach(app, self, topology.describe(), changelogEnds);
        caseWriter.start();
        app.start();
        streams = app;
        feed.start();
        LOG.info("streams application started; queries served as {}", self);
    }

    @Override
    public synchronized void stop() {
        feed.close();
        caseWriter.close();
        if (streams != null) {
            streams.close(CLOSE_TIMEOUT);
            streams = null;
            changelogEnds.close();
            streamsMetrics.close();
        }
    }

    @Override
    public boolean ready() {
        KafkaStreams app = streams;
        return app != null && app.state() == KafkaStreams.State.RUNNING;
    }

    /** The running application (null before {@link #start()}), e.g. to wait for it in tests and benchmarks. */
    public KafkaStreams streams() {
        return streams;
    }
}
