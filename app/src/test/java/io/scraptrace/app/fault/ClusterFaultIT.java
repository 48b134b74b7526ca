package io.scraptrace.app.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 under a steady load (issue 7, item 3), on a real 3-node KRaft cluster (replication 3,
 * min ISR 2) with every service a separate JVM: 1 ingest, 1 sorter, 2 streams instances. One
 * scenario, faults in order, each bounded in time: SIGKILL the sorter and restart it; SIGKILL one
 * streams instance, query the survivor while it is down, restart it; SIGKILL one broker node,
 * restart it. Then the load stops and, once the pipeline settled, what came out must equal what
 * ingest acknowledged: every accepted eventId exactly once in {@code scrap.graded}, the all-time
 * aggregates' count and tonnage equal to the accepted readings on both streams instances, every
 * planted anomaly raised once.
 *
 * <p>Each fault's figures go to stdout and {@code target/fault-logs/summary.txt}; the children's
 * logs are {@code target/fault-logs/NAME.log}.
 */
@Tag("fault")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultIT {
    private static final Path LOG_DIR = Path.of("target", "fault-logs").toAbsolutePath();
    private static final String REGULATOR = "fault-regulator";
    private static final int REQUESTS_PER_SECOND = 8;
    private static final int READINGS_PER_REQUEST = 5;
    /** Group and transaction timeouts of the children (Kafka defaults: 45 s session, 60 s transaction). */
    private static final String SESSION_TIMEOUT_MS = "10000";
    private static final String TRANSACTION_TIMEOUT_MS = "10000";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(150);

    /** Sites the steady load posts for: registered, two regions, a mix of grades. */
    private static final List<String[]> LOAD_SITES = List.of(
            new String[] {"S-FLT-A1", "JP-13", "FE_HS,FE_SHRED_A"},
            new String[] {"S-FLT-A2", "JP-13", "AL_WROUGHT,CU_NO1"},
            new String[] {"S-FLT-B1", "JP-27", "FE_HS,BM_NMC"},
            new String[] {"S-FLT-B2", "JP-27", "FE_SHRED_A,AL_WROUGHT"});
    /** Sites of the planted declarations' lots; S-FLT-UNREG is never registered. */
    private static final String BM_SITE = "S-FLT-BM";
    private static final String UNREG_SITE = "S-FLT-UNREG";
    private static final String CLEAN_SITE = "S-FLT-CLN";

    @TempDir
    static Path dataDir;

    private final Http http = new Http(Duration.ofSeconds(30));
    private final Map<String, String> plantTokens = new LinkedHashMap<>();
    private final List<String> summary = new ArrayList<>();
    private final long testStart = System.nanoTime();

    private LocalCluster cluster;
    private ScrapTraceConfig clientConfig;
    private Services.Service ingest;
    private Services.Service sorter;
    private Services.Service streams1;
    private Services.Service streams2;
    private LoadGenerator load;
    private TopicReader.Tail<GradedReading> gradedTail;
    /** eventId -> nanoTime it was first seen committed in scrap.graded, and how often it was seen. */
    private final Map<String, Long> gradedFirstSeen = new ConcurrentHashMap<>();
    private final Map<String, Integer> gradedSeen = new ConcurrentHashMap<>();

    /** Planted declarations: id -> the code it must raise (null for the clean ones). */
    private final Map<String, String> planted = new LinkedHashMap<>();
    /** Lots of the planted declarations: lotId -> readings posted. */
    private final Map<String, Integer> plantedLots = new LinkedHashMap<>();
    private boolean faultsDone;
    /**
     * When the group notices the killed instance (session timeout), its partitions move to the survivor and
     * are briefly without a readable copy: the API then answers 503 (after retrying 2 s itself). Wrong answers
     * are never allowed (see {@link #queriesAreRightOrUnavailableNeverWrongDuringFaults}); more than a few
     * unavailable rounds would mean the survivor stopped serving.
     */
    private static final int MAX_UNAVAILABLE_ROUNDS_AFTER_TAKEOVER = 3;

    /** Query answers that were neither right nor 503, with when and what (samples; see {@link QueryProbe}). */
    private final List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
    private int wrongAnswersNotShown;

    @BeforeAll
    void startClusterAndServices() throws Exception {
        deleteOldLogs();
        long t0 = System.nanoTime();
        cluster = LocalCluster.start(dataDir.resolve("kafka"), LOG_DIR);
        cluster.awaitNodes(LocalCluster.NODES, START_TIMEOUT);
        long brokersUp = System.nanoTime();
        clientConfig = cluster.clientConfig();
        List<String> created = cluster.createTopics();
        Topics topics = clientConfig.topics();
        report("cluster: %d nodes on %s up in %d ms; topics created %s; %s %s, %s %s", LocalCluster.NODES, cluster.bootstrapServers(),
                ms(brokersUp - t0), created, topics.graded.name(), cluster.topicSettings(topics.graded.name()),
                topics.readings.name(), cluster.topicSettings(topics.readings.name()));

        Path tokens = dataDir.resolve("tokens.txt");
        List<String> tokenLines = new ArrayList<>(List.of(REGULATOR + " regulator *", "fault-operator operator JP-13,JP-27"));
        Stream.concat(LOAD_SITES.stream().map(s -> s[0]), Stream.of(BM_SITE, UNREG_SITE, CLEAN_SITE)).forEach(site -> {
            String token = "fault-plant-" + site.toLowerCase();
            plantTokens.put(site, token);
            tokenLines.add(token + " plant " + site);
        });
        Files.write(tokens, tokenLines);

        Map<String, String> common = Map.of(
                ScrapTraceConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers(),
                ScrapTraceConfig.TOPIC_REPLICATION, "3",
                ScrapTraceConfig.TOPIC_MIN_ISR, "2",
                ScrapTraceConfig.HTTP_HOST, "127.0.0.1");
        Services services = new Services(dataDir, LOG_DIR, tokens, common);
        ingest = services.create("ingest", "ingest", "256m", Map.of());
        sorter = services.create("sorter", "sorter", "512m", Map.of(
                "consumer.session.timeout.ms", SESSION_TIMEOUT_MS,
                "producer.transaction.timeout.ms", TRANSACTION_TIMEOUT_MS));
        Map<String, String> streamsConfig = Map.of(
                "streams.advertised.host", "127.0.0.1",
                "streams.num.standby.replicas", "1",
                "streams.consumer.session.timeout.ms", SESSION_TIMEOUT_MS);
        streams1 = services.create("streams", "streams-1", "384m", streamsConfig);
        streams2 = services.create("streams", "streams-2", "384m", streamsConfig);
        long servicesStart = System.nanoTime();
        for (Services.Service s : services()) {
            s.jvm().start();
        }
        for (Services.Service s : services()) {
            Services.awaitHealthy(http, s, START_TIMEOUT);
        }
        report("services: ingest :%d, sorter :%d, streams-1 :%d, streams-2 :%d healthy %d ms after start (all started at once)",
                ingest.port(), sorter.port(), streams1.port(), streams2.port(), ms(System.nanoTime() - servicesStart));

        gradedTail = new TopicReader.Tail<>(clientConfig, topics.graded, g -> {
            String id = g.getEventId().toString();
            gradedFirstSeen.putIfAbsent(id, System.nanoTime());
            gradedSeen.merge(id, 1, Integer::sum);
        });
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (load != null) {
                load.stop();
            }
            if (gradedTail != null) {
                gradedTail.close();
            }
        } finally {
            for (Services.Service s : services()) {
                if (s != null) {
                    s.jvm().killQuietly();
                }
            }
            if (cluster != null) {
                cluster.close();
            }
            ChildJvm.killAllNow();
            report("wall time of the whole class: %d s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - testStart));
            Files.write(LOG_DIR.resolve("summary.txt"), summary);
        }
    }

    @Test
    @Order(1)
    void killNineUnderLoad() throws Exception {
        for (String[] site : LOAD_SITES) {
            putSite(site[0], site[1], "SHREDDER");
        }
        putSite(BM_SITE, "JP-13", "BATTERY_RECYCLER");
        putSite(CLEAN_SITE, "JP-27", "YARD");

        List<LoadGenerator.Site> loadSites = LOAD_SITES.stream()
                .map(s -> new LoadGenerator.Site(s[0], plantTokens.get(s[0]), List.of(s[2].split(",")))).toList();
        load = new LoadGenerator(http, ingest.port(), loadSites, READINGS_PER_REQUEST, REQUESTS_PER_SECOND);
        long loadStart = System.nanoTime();
        load.start();
        report("load: %d requests/s x %d readings to ingest :%d", REQUESTS_PER_SECOND, READINGS_PER_REQUEST, ingest.port());

        // Lots for the planted declarations, graded before anything is killed; set A now, set B while streams-2 is down.
        postPlantedLot(BM_SITE, "L-FLT-BM-A", "BM_NMC");
        postPlantedLot(BM_SITE, "L-FLT-BM-B", "BM_NMC");
        postPlantedLot(UNREG_SITE, "L-FLT-UR-A", "FE_HS");
        postPlantedLot(UNREG_SITE, "L-FLT-UR-B", "FE_HS");
        postPlantedLot(CLEAN_SITE, "L-FLT-CLN-A", "FE_HS");
        postPlantedLot(CLEAN_SITE, "L-FLT-CLN-B", "FE_HS");
        Map<String, JsonNode> lots = awaitPlantedLotsGraded(streams1);
        postPlantedSet("A", lots);
        for (String id : planted.keySet()) {
            // 200 from the moment streams read the declaration (PENDING); judged once its checks have all reported.
            await("alert of " + id + " on streams-1", Duration.ofSeconds(90), () -> {
                Http.Reply reply = http.get(streams1.port(), "/v1/alerts/" + id, REGULATOR);
                return reply.ok() && reply.body().path("status").asText().equals("JUDGED");
            });
        }
        report("warm-up: planted lots graded and set A alerted %d ms after the load started; %s", ms(System.nanoTime() - loadStart),
                load.window(loadStart, System.nanoTime()));

        sorterFault();
        streamsFault(lots);
        brokerFault();

        Thread.sleep(3000);
        load.stop();
        report("load stopped: %s over the whole run; requests neither 202 nor 503: %s", load.window(loadStart, System.nanoTime()),
                load.anomalies());
        faultsDone = true;
        assertTrue(load.anomalies().isEmpty(), "ingest answered something else than 202 or 503: " + load.anomalies() + " (" + ingest.jvm().describe() + ")");
    }

    /** Fault 1: SIGKILL the only sorter, keep it down a few seconds, start it again. */
    private void sorterFault() throws Exception {
        long before = System.nanoTime();
        Thread.sleep(3000);
        long kill = System.nanoTime();
        long pid = sorter.jvm().kill9();
        Thread.sleep(5000);
        long restart = System.nanoTime();
        sorter.jvm().start();
        Duration healthy = Services.awaitHealthy(http, sorter, RESTART_TIMEOUT);
        long resumed = awaitGradedAfter(kill, "the restarted sorter grading a reading accepted after the kill", sorter.jvm());
        long caughtUp = awaitGradedUpTo(restart, "the restarted sorter catching up", sorter.jvm());
        report("FAULT sorter: SIGKILL pid %d, down %d ms; restarted process healthy after %d ms; first graded reading accepted "
                        + "after the kill visible %d ms after the kill; backlog graded (everything accepted before the restart) %d ms "
                        + "after the kill; load during the fault (kill -> backlog graded): %s; 3 s before the kill: %s",
                pid, ms(restart - kill), healthy.toMillis(), ms(resumed - kill), ms(caughtUp - kill),
                load.window(kill, caughtUp), load.window(before, kill));
    }

    /** Fault 2: SIGKILL streams-2, query streams-1 while it is down, restart it. */
    private void streamsFault(Map<String, JsonNode> lots) throws Exception {
        int acceptedBefore = load.accepted().size();
        long kill = System.nanoTime();
        long pid = streams2.jvm().kill9();
        QueryProbe survivor = new QueryProbe(streams1, "streams-2 down:", kill);
        boolean setB = false;
        long firstAllOk = -1;
        int okStreak = 0;
        long deadline = kill + TimeUnit.SECONDS.toNanos(75);
        while (System.nanoTime() < deadline) {
            boolean ok = survivor.round();
            if (!setB && System.nanoTime() - kill > TimeUnit.SECONDS.toNanos(2)) {
                postPlantedSet("B", lots);
                setB = true;
            }
            okStreak = ok ? okStreak + 1 : 0;
            if (ok && firstAllOk < 0) {
                firstAllOk = System.nanoTime();
            }
            if (okStreak >= 5 && System.nanoTime() - kill > TimeUnit.SECONDS.toNanos(15)) {
                break;
            }
            Thread.sleep(500);
        }
        long aggregatesCaughtUp = awaitReadingsAtLeast(streams1, acceptedBefore, Duration.ofSeconds(60));
        long restart = System.nanoTime();
        String whileDown = survivor.toString();
        streams2.jvm().start();
        QueryProbe survivorAfter = new QueryProbe(streams1, "streams-2 restarting:", restart);
        long healthy = -1;
        long bothOk = -1;
        QueryProbe restarted = null;
        long bothDeadline = restart + RESTART_TIMEOUT.toNanos();
        while (System.nanoTime() < bothDeadline) {
            boolean a = survivorAfter.round();
            if (healthy < 0 && http.get(streams2.port(), "/health", null).ok()) {
                healthy = System.nanoTime();
                restarted = new QueryProbe(streams2, "streams-2 restarted:", restart);
            }
            boolean b = restarted != null && restarted.round();
            if (a && b) {
                bothOk = System.nanoTime();
                break;
            }
            Thread.sleep(500);
        }
        long end = System.nanoTime();
        report("FAULT streams-2: SIGKILL pid %d, down %d ms; survivor streams-1 while it was down: %s; first round with every "
                        + "query right on the survivor %s after the kill; survivor's all-time readings reached the %d accepted before "
                        + "the kill %s after the kill; restarted streams-2 healthy (RUNNING) %s after its start; both instances "
                        + "answering every query right %s after the restart (restarted: %s; survivor meanwhile: %s); load during the "
                        + "fault: %s", pid, ms(restart - kill), whileDown, firstAllOk < 0 ? "NEVER" : ms(firstAllOk - kill) + " ms",
                acceptedBefore, aggregatesCaughtUp < 0 ? "NEVER" : ms(aggregatesCaughtUp - kill) + " ms",
                healthy < 0 ? "NEVER" : ms(healthy - restart) + " ms", bothOk < 0 ? "NEVER" : ms(bothOk - restart) + " ms",
                restarted, survivorAfter, load.window(kill, end));
        assertTrue(firstAllOk > 0, "the surviving streams instance never answered every query right within 75 s of the kill: "
                + whileDown + "; " + streams1.jvm().describe());
        long unavailableAfterTakeover = survivor.roundsAfter(firstAllOk) - survivor.okRoundsAfter(firstAllOk);
        report("survivor after it first answered everything right: %d of %d rounds had a 503 (at most %d allowed)",
                unavailableAfterTakeover, survivor.roundsAfter(firstAllOk), MAX_UNAVAILABLE_ROUNDS_AFTER_TAKEOVER);
        assertTrue(unavailableAfterTakeover <= MAX_UNAVAILABLE_ROUNDS_AFTER_TAKEOVER,
                "once it had taken over, the survivor kept failing queries while streams-2 was down: " + whileDown);
        assertTrue(aggregatesCaughtUp > 0, "the survivor's aggregates never counted the readings accepted before the kill; "
                + streams1.jvm().describe());
        assertTrue(healthy > 0, "restarted " + streams2.jvm().describe() + " not healthy within " + RESTART_TIMEOUT);
        assertTrue(bothOk > 0, "after streams-2 restarted, the instances did not both answer every query right within "
                + RESTART_TIMEOUT + ": restarted " + restarted + ", survivor " + survivorAfter + "; " + streams2.jvm().describe()
                + "; " + streams1.jvm().describe());
    }

    /** Fault 3: SIGKILL a broker node that is not the active controller, keep loading, restart it. */
    private void brokerFault() throws Exception {
        int controller = cluster.controllerLeader();
        Map<Integer, Integer> leaders = cluster.leadership();
        int victim = leaders.entrySet().stream().filter(e -> e.getKey() != controller)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(controller == 1 ? 2 : 1);
        ChildJvm node = cluster.node(victim);
        long kill = System.nanoTime();
        long pid = node.kill9();
        QueryProbe queries = new QueryProbe(streams1, "broker-" + victim + " down:", kill);
        while (System.nanoTime() - kill < TimeUnit.SECONDS.toNanos(20)) {
            queries.round();
            Thread.sleep(1000);
        }
        long restart = System.nanoTime();
        node.start();
        long live = awaitTrue("broker " + victim + " back in the cluster", RESTART_TIMEOUT, node,
                () -> uncheckedLiveNodes().contains(victim));
        long inSync = awaitTrue("every partition back to a full ISR", RESTART_TIMEOUT, node,
                () -> uncheckedUnderReplicated().isEmpty());
        long resumed = awaitGradedAfter(kill, "a reading accepted after the broker kill being graded", node);
        LoadGenerator.Window during = load.window(kill, inSync);
        long first503 = during.first503();
        long lastFailure = during.lastFailure();
        report("FAULT broker-%d (controller leader was %d; partitions led before: %s): SIGKILL pid %d, down %d ms; rejoined "
                        + "the cluster %d ms after its restart, full ISR everywhere %d ms after its restart; first graded reading "
                        + "accepted after the kill visible %d ms after the kill; ingest during kill -> full ISR: %s; first 503 %s, "
                        + "last non-202 %s after the kill; queries to streams-1 while the node was down: %s",
                victim, controller, leaders, pid, ms(restart - kill), ms(live - restart), ms(inSync - restart), ms(resumed - kill),
                during, first503 < 0 ? "none" : ms(first503 - kill) + " ms", lastFailure < 0 ? "none" : ms(lastFailure - kill) + " ms", queries);
    }

    @Test
    @Order(2)
    void everyAcceptedReadingIsGradedExactlyOnce() throws Exception {
        assertTrue(faultsDone, "the fault scenario did not complete; see its failure");
        Map<String, Double> accepted = load.accepted();
        long start = System.nanoTime();
        try {
            awaitTrue("every accepted reading graded", SETTLE_TIMEOUT, sorter.jvm(), () -> gradedFirstSeen.keySet().containsAll(accepted.keySet()));
        } catch (AssertionError e) {
            // Fall through: the exact comparison below says which ones are missing.
        }
        report("settle: every accepted reading seen in %s after %d ms (the live tail saw %d records, %d eventIds more than once)",
                clientConfig.topics().graded.name(), ms(System.nanoTime() - start), gradedTail.records(),
                gradedSeen.values().stream().filter(n -> n > 1).count());
        List<GradedReading> graded = TopicReader.readAll(clientConfig, clientConfig.topics().graded, Duration.ofSeconds(60));
        Map<String, Integer> counts = new HashMap<>();
        graded.forEach(g -> counts.merge(g.getEventId().toString(), 1, Integer::sum));
        List<String> missing = accepted.keySet().stream().filter(id -> !counts.containsKey(id)).sorted().toList();
        List<String> duplicated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey() + " x" + e.getValue()).sorted().toList();
        List<String> unaccepted = counts.keySet().stream().filter(id -> !accepted.containsKey(id)).sorted().toList();
        Set<String> refused = load.notAccepted();
        report("graded: %d records read_committed from the beginning, %d distinct eventIds; accepted %d; missing %d, duplicated %d, "
                        + "not accepted but graded %d (of which refused with 503: %d); readings refused by ingest: %d",
                graded.size(), counts.size(), accepted.size(), missing.size(), duplicated.size(), unaccepted.size(),
                unaccepted.stream().filter(refused::contains).count(), refused.size());
        String logs = "; logs in " + LOG_DIR;
        assertEquals(List.of(), head(missing), missing.size() + " accepted readings never reached " + clientConfig.topics().graded.name() + logs);
        assertEquals(List.of(), head(duplicated), duplicated.size() + " readings graded more than once" + logs);
        assertEquals(List.of(), head(unaccepted), unaccepted.size() + " readings graded that ingest did not accept (503'd: "
                + unaccepted.stream().filter(refused::contains).count() + ")" + logs);
        assertEquals(accepted.size(), graded.size(), "graded records vs accepted readings" + logs);
    }

    @Test
    @Order(3)
    void bothStreamsInstancesCountEveryAcceptedReadingOnce() throws Exception {
        assertTrue(faultsDone, "the fault scenario did not complete; see its failure");
        Map<String, Double> accepted = load.accepted();
        double tonnes = accepted.values().stream().mapToDouble(Double::doubleValue).sum() / 1000;
        long start = System.nanoTime();
        Map<String, Totals> answers = new LinkedHashMap<>();
        for (Services.Service s : List.of(streams1, streams2)) {
            Totals totals = null;
            long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                Http.Reply reply = http.get(s.port(), "/v1/aggregates/regions?window=all", REGULATOR);
                if (reply.ok()) {
                    totals = Totals.of(reply.body());
                    if (totals.readings >= accepted.size()) {
                        break;
                    }
                }
                Thread.sleep(1000);
            }
            answers.put(s.jvm().name(), totals);
        }
        report("aggregates (window=all) %d ms after the settle check: expected %d readings, %.6f t; %s", ms(System.nanoTime() - start),
                accepted.size(), tonnes, answers);
        for (Map.Entry<String, Totals> answer : answers.entrySet()) {
            Totals t = answer.getValue();
            String who = answer.getKey() + " (log " + LOG_DIR.resolve(answer.getKey() + ".log") + ")";
            assertTrue(t != null, who + " never answered /v1/aggregates/regions?window=all with 200");
            assertEquals(accepted.size(), t.readings, who + ": all-time readings vs readings ingest accepted");
            assertEquals(tonnes, t.tonnes, 1e-6, who + ": all-time tonnes (by material + UNCERTAIN) vs accepted massKg / 1000");
            assertEquals(tonnes, t.totalTonnes, 1e-6, who + ": all-time totalTonnes vs accepted massKg / 1000");
        }
        assertEquals(answers.get("streams-1").byRegion, answers.get("streams-2").byRegion, "both instances answer the same per region");
    }

    @Test
    @Order(4)
    void everyPlantedAnomalyIsRaisedOnce() throws Exception {
        assertTrue(faultsDone, "the fault scenario did not complete; see its failure");
        Map<String, List<Alert>> onTopic = new TreeMap<>();
        for (Alert a : TopicReader.readAll(clientConfig, clientConfig.topics().alerts, Duration.ofSeconds(60))) {
            onTopic.computeIfAbsent(a.getDeclarationId().toString(), k -> new ArrayList<>()).add(a);
        }
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : planted.entrySet()) {
            List<Alert> records = onTopic.getOrDefault(p.getKey(), List.of());
            seen.put(p.getKey(), records.size() + " record(s) " + records.stream()
                    .map(a -> a.getReasons().stream().map(r -> r.getCode().toString()).toList().toString()).toList());
        }
        report("alerts on %s per planted declaration (expected code): %s -> %s", clientConfig.topics().alerts.name(), planted, seen);
        for (Map.Entry<String, String> p : planted.entrySet()) {
            String id = p.getKey();
            String code = p.getValue();
            List<Alert> records = onTopic.getOrDefault(id, List.of());
            assertEquals(1, records.size(), id + ": alert records on " + clientConfig.topics().alerts.name() + " " + seen.get(id)
                    + "; logs " + LOG_DIR);
            List<String> codes = records.get(0).getReasons().stream().map(AlertReason::getCode).map(Object::toString).toList();
            if (code == null) {
                assertEquals(List.of(), codes, id + " is clean: no reasons");
                assertEquals(0, records.get(0).getSeverity(), id + " is clean: severity 0");
            } else {
                assertEquals(1, codes.stream().filter(code::equals).count(), id + " must carry " + code + " once: " + codes);
            }
            for (Services.Service s : List.of(streams1, streams2)) {
                Http.Reply reply = http.get(s.port(), "/v1/alerts/" + id, REGULATOR);
                assertEquals(200, reply.status(), s.jvm().name() + " GET /v1/alerts/" + id + ": " + reply + "; " + s.jvm().describe());
                List<String> apiCodes = new ArrayList<>();
                reply.body().path("reasons").forEach(r -> apiCodes.add(r.path("code").asText()));
                assertEquals(codes, apiCodes, s.jvm().name() + " answers the same reasons for " + id + " as the topic holds");
            }
        }
    }

    /**
     * While a streams instance or a broker is down, and while the instance restarts, every query is
     * answered right (200 with what is known to exist) or 503 with Retry-After (the API's "state is
     * moving"): never a 404 for something that exists, a 500, or a 200 missing part of the answer.
     */
    @Test
    @Order(5)
    void queriesAreRightOrUnavailableNeverWrongDuringFaults() {
        assertTrue(faultsDone, "the fault scenario did not complete; see its failure");
        List<String> wrong;
        synchronized (wrongAnswers) {
            wrong = List.copyOf(wrongAnswers);
        }
        report("query answers neither right nor 503 during the faults: %d sampled (+%d more not kept)%s", wrong.size(),
                wrongAnswersNotShown, wrong.isEmpty() ? "" : ":\n    " + String.join("\n    ", wrong));
        assertEquals(List.of(), wrong, "wrong query answers during the faults (+" + wrongAnswersNotShown
                + " more); streams logs " + streams1.jvm().log() + ", " + streams2.jvm().log());
    }

    // ---- planted declarations ----

    private void postPlantedLot(String siteId, String lotId, String grade) {
        Random random = new Random(lotId.hashCode());
        StringBuilder ndjson = new StringBuilder();
        Map<String, Double> masses = new TreeMap<>();
        int n = 6;
        for (int i = 0; i < n; i++) {
            String eventId = "pl-" + lotId + "-" + i;
            double mass = grade.startsWith("BM_") ? 40 + random.nextInt(60) : 200 + random.nextInt(600);
            ndjson.append(Pieces.reading(eventId, siteId, lotId, grade, mass, random)).append('\n');
            masses.put(eventId, mass);
        }
        int status = load.post(plantTokens.get(siteId), ndjson.toString(), masses, true);
        assertEquals(202, status, "planted lot " + lotId + " not accepted; " + ingest.jvm().describe());
        plantedLots.put(lotId, n);
    }

    private Map<String, JsonNode> awaitPlantedLotsGraded(Services.Service streams) throws Exception {
        Map<String, JsonNode> lots = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> lot : plantedLots.entrySet()) {
            await("lot " + lot.getKey() + " graded on " + streams.jvm().name(), Duration.ofSeconds(120), () -> {
                Http.Reply reply = http.get(streams.port(), "/v1/lots/" + lot.getKey(), REGULATOR);
                if (reply.ok() && reply.body().path("readings").asInt() == lot.getValue()) {
                    lots.put(lot.getKey(), reply.body());
                    return true;
                }
                return false;
            });
        }
        report("planted lots as graded: %s", lots.values().stream()
                .map(l -> l.path("lotId").asText() + "=" + l.path("dominantGrade").asText() + "/" + l.path("massKg").asDouble() + "kg")
                .toList());
        return lots;
    }

    /**
     * One set of planted declarations (suffix A or B): black mass to VN (no consent) -> HAZARDOUS_DESTINATION;
     * from the never registered site -> UNREGISTERED_SITE; a clean one. Material and HS code follow
     * what the lots measured, and the declared mass is a fraction of the lot, so nothing else applies.
     */
    private void postPlantedSet(String set, Map<String, JsonNode> lots) {
        declare("D-FLT-HAZ-" + set, BM_SITE, lots.get("L-FLT-BM-" + set), "BLACK_MASS", "VN", "HAZARDOUS_DESTINATION");
        declare("D-FLT-UNREG-" + set, UNREG_SITE, lots.get("L-FLT-UR-" + set), null, "KR", "UNREGISTERED_SITE");
        declare("D-FLT-CLEAN-" + set, CLEAN_SITE, lots.get("L-FLT-CLN-" + set), null, "KR", null);
    }

    private void declare(String id, String siteId, JsonNode lot, String material, String destination, String code) {
        Grade measured = GradeCatalogue.get().find(lot.path("dominantGrade").asText()).orElseThrow(() ->
                new AssertionError("planted lot " + lot.path("lotId").asText() + " was not graded with a catalogue grade: " + lot));
        double mass = Math.floor(lot.path("massKg").asDouble() * 0.3);
        ObjectNode export = AvroJson.MAPPER.createObjectNode().put("declarationId", id).put("exporterId", "X-" + id)
                .put("siteId", siteId).put("port", "JP-14").put("hsCode", measured.hsCodes().get(measured.hsCodes().size() - 1))
                .put("declaredMaterial", material == null ? measured.material().name() : material)
                .put("massKg", mass).put("valueJpy", mass * 50).put("destination", destination).put("timestamp", Instant.now().toString());
        export.putArray("lotIds").add(lot.path("lotId").asText());
        Http.Reply reply = http.post(ingest.port(), "/v1/exports", REGULATOR, "application/json", export.toString());
        assertEquals(202, reply.status(), "declaration " + id + ": " + reply + "; " + ingest.jvm().describe());
        planted.put(id, code);
    }

    // ---- probes and waits ----

    /**
     * Rounds of the queries a regulator makes, against one instance. A 200 is checked against what is
     * known to exist (regions, planted lots, set-A alerts and lineage); a 503 is the API's documented
     * "state is moving, retry"; anything else (404 for something that exists, 500, an incomplete 200)
     * is a wrong answer, recorded in {@link #wrongAnswers} with a sample.
     */
    private final class QueryProbe {
        private final Services.Service target;
        private final String phase;
        private final long origin;
        private final Map<String, Integer> failures = new TreeMap<>();
        private final List<long[]> rounds = new ArrayList<>();
        private int requests;

        QueryProbe(Services.Service target, String phase, long originNanos) {
            this.target = target;
            this.phase = phase;
            this.origin = originNanos;
        }

        /** One round of every query; true when all answered 200 with the expected content. */
        boolean round() {
            int bad = 0;
            for (Map.Entry<String, Function<JsonNode, String>> query : expectations().entrySet()) {
                String path = query.getKey();
                Http.Reply reply = http.get(target.port(), path, REGULATOR);
                requests++;
                String kind = path.replaceAll("/[A-Z][-A-Z0-9]+$", "/{id}").replaceAll("\\?.*", "");
                String problem = reply.ok() ? query.getValue().apply(reply.body()) : null;
                if (reply.ok() && problem == null) {
                    continue;
                }
                bad++;
                String outcome = reply.ok() ? "200-incomplete" : String.valueOf(reply.status());
                failures.merge(kind + " " + outcome, 1, Integer::sum);
                if (reply.status() != 503) {
                    String sample = String.format("%s %s +%d ms: GET %s -> %s%s", phase, target.jvm().name(), ms(System.nanoTime() - origin),
                            path, reply, problem == null ? "" : " (" + problem + ")");
                    if (wrongAnswers.stream().filter(w -> w.startsWith(phase + " " + target.jvm().name())).count() < 12) {
                        wrongAnswers.add(sample);
                    } else {
                        wrongAnswersNotShown++;
                    }
                }
            }
            rounds.add(new long[] {System.nanoTime(), bad});
            return bad == 0;
        }

        long roundsAfter(long nanos) {
            return rounds.stream().filter(r -> r[0] >= nanos).count();
        }

        long okRoundsAfter(long nanos) {
            return rounds.stream().filter(r -> r[0] >= nanos && r[1] == 0).count();
        }

        @Override
        public String toString() {
            long ok = rounds.stream().filter(r -> r[1] == 0).count();
            return String.format("%s: %d rounds (%d all-200), %d queries, not 200-as-expected: %s", target.jvm().name(), rounds.size(), ok,
                    requests, failures.isEmpty() ? "none" : failures);
        }
    }

    /** The probed queries and what a right 200 answer holds (null when right, else what is wrong). */
    private Map<String, Function<JsonNode, String>> expectations() {
        Map<String, Function<JsonNode, String>> queries = new LinkedHashMap<>();
        queries.put("/v1/aggregates/regions?window=all", body -> {
            Set<String> regions = new TreeSet<>();
            body.path("aggregates").forEach(a -> regions.add(a.path("region").asText()));
            return regions.containsAll(List.of("JP-13", "JP-27", "UNKNOWN")) ? null : "regions " + regions + ", expected JP-13, JP-27, UNKNOWN";
        });
        List<String> setA = planted.keySet().stream().filter(d -> d.endsWith("-A")).toList();
        queries.put("/v1/alerts?limit=50&minSeverity=0", body -> {
            Set<String> ids = new TreeSet<>();
            body.path("alerts").forEach(a -> ids.add(a.path("declarationId").asText()));
            return ids.containsAll(setA) ? null : "alerts " + ids + " lack some of " + setA;
        });
        plantedLots.forEach((lot, n) -> queries.put("/v1/lots/" + lot, body -> body.path("readings").asInt() == n ? null
                : "readings " + body.path("readings") + ", expected " + n));
        for (String id : setA) {
            String code = planted.get(id);
            queries.put("/v1/alerts/" + id, body -> {
                List<String> codes = new ArrayList<>();
                body.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
                if (!body.path("status").asText().equals("JUDGED")) {
                    return "status " + body.path("status") + " of a declaration judged before the faults";
                }
                return (code == null ? codes.isEmpty() : codes.contains(code)) ? null : "reasons " + codes + ", expected " + code;
            });
            queries.put("/v1/trace/declarations/" + id, body -> body.path("lots").size() == 1
                    && body.path("lots").get(0).path("readings").size() == 6 ? null : "lineage lots " + body.path("lots").size());
        }
        return queries;
    }

    /** Totals of an all-time aggregates answer. */
    private record Totals(long readings, double tonnes, double totalTonnes, Map<String, String> byRegion) {
        static Totals of(JsonNode body) {
            long readings = 0;
            double tonnes = 0;
            double total = 0;
            Map<String, String> byRegion = new TreeMap<>();
            for (JsonNode a : body.path("aggregates")) {
                long r = a.path("readings").asLong();
                double t = a.path("uncertainTonnes").asDouble();
                for (JsonNode v : a.path("tonnesByMaterial")) {
                    t += v.asDouble();
                }
                readings += r;
                tonnes += t;
                total += a.path("totalTonnes").asDouble();
                byRegion.put(a.path("region").asText(), r + " readings, " + String.format("%.6f", t) + " t");
            }
            return new Totals(readings, tonnes, total, byRegion);
        }

        @Override
        public String toString() {
            return String.format("%d readings, %.6f t (totalTonnes %.6f) %s", readings, tonnes, totalTonnes, byRegion);
        }
    }

    /** Wait until the graded tail saw a reading accepted after {@code afterNanos}; returns when it first saw one. */
    private long awaitGradedAfter(long afterNanos, String what, Object diagnose) throws InterruptedException {
        long deadline = System.nanoTime() + RESTART_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Long> acceptedAt = load.acceptedAt();
            long first = acceptedAt.entrySet().stream().filter(e -> e.getValue() > afterNanos)
                    .map(e -> gradedFirstSeen.get(e.getKey())).filter(t -> t != null).mapToLong(Long::longValue).min().orElse(-1);
            if (first > 0) {
                return first;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + " (" + RESTART_TIMEOUT + "); " + describe(diagnose));
    }

    /** Wait until every reading accepted before {@code upToNanos} was graded; returns when the last of them was first seen. */
    private long awaitGradedUpTo(long upToNanos, String what, Object diagnose) throws InterruptedException {
        long deadline = System.nanoTime() + RESTART_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> due = load.acceptedAt().entrySet().stream().filter(e -> e.getValue() <= upToNanos).map(Map.Entry::getKey).toList();
            if (gradedFirstSeen.keySet().containsAll(due)) {
                return due.stream().mapToLong(gradedFirstSeen::get).max().orElse(upToNanos);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + " (" + RESTART_TIMEOUT + "); " + describe(diagnose));
    }

    /** Wait until {@code streams} counts at least {@code readings} all-time readings; returns when, or -1. */
    private long awaitReadingsAtLeast(Services.Service streams, int readings, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Http.Reply reply = http.get(streams.port(), "/v1/aggregates/regions?window=all", REGULATOR);
            if (reply.ok() && Totals.of(reply.body()).readings >= readings) {
                return System.nanoTime();
            }
            Thread.sleep(500);
        }
        return -1;
    }

    private long awaitTrue(String what, Duration timeout, Object diagnose, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return System.nanoTime();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; " + describe(diagnose));
    }

    private void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        awaitTrue(what, timeout, "all children: " + allChildren(), done);
    }

    private String describe(Object diagnose) {
        return diagnose instanceof ChildJvm c ? c.describe() : String.valueOf(diagnose);
    }

    private String allChildren() {
        return Stream.concat(cluster.children().stream(), services().stream().filter(s -> s != null).map(Services.Service::jvm))
                .map(ChildJvm::describe).collect(Collectors.joining("; "));
    }

    private List<Integer> uncheckedLiveNodes() {
        try {
            return cluster.liveNodes();
        } catch (Exception e) {
            return List.of();
        }
    }

    private List<String> uncheckedUnderReplicated() {
        try {
            return cluster.underReplicated();
        } catch (Exception e) {
            return List.of("unknown: " + e);
        }
    }

    private List<Services.Service> services() {
        List<Services.Service> all = new ArrayList<>();
        all.add(ingest);
        all.add(sorter);
        all.add(streams1);
        all.add(streams2);
        return all;
    }

    private void putSite(String siteId, String region, String type) {
        ObjectNode site = AvroJson.MAPPER.createObjectNode().put("siteId", siteId).put("name", "Fault " + siteId)
                .put("region", region).put("type", type).put("licensed", true);
        Http.Reply reply = http.put(ingest.port(), "/v1/sites/" + siteId, REGULATOR, site.toString());
        assertEquals(202, reply.status(), "PUT /v1/sites/" + siteId + ": " + reply + "; " + ingest.jvm().describe());
    }

    private void report(String format, Object... args) {
        String line = String.format("[fault +%5.1fs] ", (System.nanoTime() - testStart) / 1e9) + String.format(format, args);
        System.out.println(line);
        summary.add(line);
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static List<String> head(List<String> list) {
        return list.size() > 20 ? list.subList(0, 20) : list;
    }

    private static void deleteOldLogs() throws IOException {
        Files.createDirectories(LOG_DIR);
        try (Stream<Path> files = Files.list(LOG_DIR)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
