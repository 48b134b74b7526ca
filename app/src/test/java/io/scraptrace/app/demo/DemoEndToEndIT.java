package io.scraptrace.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.json.AvroJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the real embedded broker, driven only over HTTP as plants and regulators
 * would: what comes out of the query API must equal what went in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoEndToEndIT {
    static final String REGULATOR = "e2e-regulator";
    static final Duration WAIT = Duration.ofSeconds(150);
    private static final String TOKYO = "S-E2E-TKY";
    private static final String OSAKA = "S-E2E-OSA";
    private static final Map<String, String> PLANT_TOKENS = Map.of(TOKYO, "e2e-plant-tky", OSAKA, "e2e-plant-osa");

    @TempDir
    static Path dataDir;

    Demo demo;
    ApiClient api;
    /** What was posted: per region, tonnes, Ni tonnes and reading count; and every eventId per lot. */
    final Map<String, double[]> expected = new LinkedHashMap<>();
    final Map<String, Set<String>> eventsByLot = new LinkedHashMap<>();

    @BeforeAll
    void startDemoAndPost() throws Exception {
        Path tokens = dataDir.resolve("tokens.txt");
        Files.write(tokens, List.of(REGULATOR + " regulator *", "e2e-operator operator JP-13",
                PLANT_TOKENS.get(TOKYO) + " plant " + TOKYO, PLANT_TOKENS.get(OSAKA) + " plant " + OSAKA));
        ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(
                ScrapTraceConfig.DATA_DIR, dataDir.toString(),
                ScrapTraceConfig.HTTP_PORT, "0",
                ScrapTraceConfig.HTTP_HOST, "127.0.0.1",
                ScrapTraceConfig.TOKENS_FILE, tokens.toString(),
                "alerts.lot.wait.ms", "20000"));
        demo = new Demo(new DemoOptions(config, 0, false, 1, 1, 1));
        demo.start();
        api = new ApiClient(demo.httpPort());

        putSite(TOKYO, "JP-13", true);
        putSite(OSAKA, "JP-27", false);
        postReadings(TOKYO, "JP-13", 4, 6, new Random(1));
        postReadings(OSAKA, "JP-27", 2, 5, new Random(2));
    }

    @AfterAll
    void stopDemo() {
        if (demo != null) {
            demo.stop();
        }
    }

    @Test
    @Order(1)
    void regionalAggregatesEqualTheSumsOfWhatWasPosted() throws Exception {
        for (Map.Entry<String, double[]> region : expected.entrySet()) {
            double[] sums = region.getValue();
            JsonNode aggregate = api.await("/v1/aggregates/regions/" + region.getKey() + "?window=all", REGULATOR, WAIT,
                    body -> allTime(body).path("readings").asLong() >= (long) sums[2]);
            JsonNode all = allTime(aggregate);
            assertEquals((long) sums[2], all.path("readings").asLong(), region.getKey() + " readings, each counted once");
            double tonnes = sumValues(all.path("tonnesByMaterial")) + all.path("uncertainTonnes").asDouble();
            assertEquals(sums[0], tonnes, 1e-6, region.getKey() + " tonnes by material plus UNCERTAIN");
            assertEquals(sums[1], all.path("niTonnes").asDouble(), 1e-6, region.getKey() + " contained Ni");
            assertEquals(sums[3], all.path("lots").asLong(), region.getKey() + " lots");
        }
    }

    @Test
    @Order(2)
    void plantedAnomaliesAreRaisedWithTheirCodes() throws Exception {
        List<String> tokyoLots = eventsByLot.keySet().stream().filter(l -> l.contains(TOKYO)).toList();
        List<String> osakaLots = eventsByLot.keySet().stream().filter(l -> l.contains(OSAKA)).toList();
        // Black mass to a destination with no prior informed consent.
        postExport("D-E2E-HAZ", TOKYO, "BLACK_MASS", "8549.19", 500, "VN", List.of(tokyoLots.get(0)));
        // From a site whose licence is withdrawn.
        postExport("D-E2E-UNL", OSAKA, "FERROUS", "7204.49", 200, "KR", List.of(osakaLots.get(0)));
        // Lots nobody ever graded.
        postExport("D-E2E-LOT", TOKYO, "FERROUS", "7204.49", 300, "KR", List.of("L-E2E-NOWHERE"));

        assertRaised("D-E2E-HAZ", "HAZARDOUS_DESTINATION");
        assertRaised("D-E2E-UNL", "UNREGISTERED_SITE");
        assertRaised("D-E2E-LOT", "UNTRACEABLE_LOTS");
    }

    @Test
    @Order(3)
    void lineageLeadsBackToThePostedEventIds() throws Exception {
        String lot = eventsByLot.keySet().stream().filter(l -> l.contains(TOKYO)).findFirst().orElseThrow();
        JsonNode trace = api.await("/v1/trace/declarations/D-E2E-HAZ", REGULATOR, WAIT,
                body -> body.path("lots").size() == 1 && body.path("lots").get(0).path("readings").size() == eventsByLot.get(lot).size());
        JsonNode lotTrace = trace.path("lots").get(0);
        assertEquals(lot, lotTrace.path("lotId").asText());
        Set<String> traced = StreamSupport.stream(lotTrace.path("readings").spliterator(), false)
                .map(r -> r.path("eventId").asText()).collect(Collectors.toSet());
        assertEquals(eventsByLot.get(lot), traced);
        assertEquals(TOKYO, trace.path("site").path("siteId").asText());
        lotTrace.path("readings").forEach(r -> assertTrue(!r.path("modelVersion").asText().isBlank(), "model version in lineage"));
    }

    @Test
    @Order(4)
    void theDashboardRendersChartsAndAlertsInARealBrowser() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!Files.isExecutable(HeadlessChromium.BINARY)) {
            assertFalse(ci, "CI must install chromium (.ci/run does it with apt)");
            Assumptions.abort("chromium is not installed here");
        }
        try (HeadlessChromium browser = HeadlessChromium.start(dataDir.resolve("chromium-profile"))) {
            browser.navigate("http://127.0.0.1:" + demo.httpPort() + "/");
            awaitInPage(browser, "document.readyState === 'complete' && !!document.getElementById('loginForm')");
            // Enter the token the way a user does: type it and submit the form.
            browser.eval("document.getElementById('token').value = '" + REGULATOR + "';"
                    + "document.getElementById('loginForm').requestSubmit(); true");
            awaitInPage(browser, "document.querySelectorAll('#regionChart rect.bar').length > 0");
            awaitInPage(browser, "document.querySelectorAll('#alertTable tr.alert-row').length >= 3");
            assertEquals(REGULATOR, browser.eval("sessionStorage.getItem('scraptrace.token')").asText(), "the token is kept for the session");
            assertEquals("regulator", browser.eval("document.getElementById('who').textContent").asText());
            String kpis = browser.eval("document.getElementById('kpis').innerText").asText();
            String lot = eventsByLot.keySet().stream().filter(l -> l.contains(TOKYO)).findFirst().orElseThrow();
            assertTrue(kpis.contains("graded tonnes") && kpis.matches("(?s).*\\d.*"), kpis);
            String codes = browser.eval("document.getElementById('alertTable').innerText").asText();
            assertTrue(codes.contains("HAZARDOUS_DESTINATION") && codes.contains("UNREGISTERED_SITE"), codes);
            // The targets panel fills from /v1/kpis: one national row per target, each on track or behind.
            awaitInPage(browser, "document.querySelectorAll('#targetsBody tr.target-row').length >= 4");
            String targets = browser.eval("document.getElementById('targetsBody').innerText").asText();
            assertTrue(targets.contains("High-grade iron scrap") && targets.matches("(?s).*(behind|on track).*"), targets);
            // The lot panel shows a lot's status and its passport's digest.
            browser.eval("document.getElementById('lotId').value = '" + lot + "'; document.getElementById('lotForm').requestSubmit(); true");
            awaitInPage(browser, "!!document.getElementById('lotStatus') && document.getElementById('lotBody').innerText.includes('sha256-chain-v1')");
            // Follow one alert's lineage link.
            String event = eventsByLot.get(lot).iterator().next();
            browser.eval("document.querySelector('#alertTable a[data-decl=\"D-E2E-HAZ\"]').click(); true");
            awaitInPage(browser, "document.getElementById('lineageBody').innerText.includes('" + event + "')");
            browser.screenshot(Path.of("target", "dashboard.png"));
        }
    }

    @Test
    @Order(5)
    void theGradeCatalogueIsServedToAnyTokenHolder() throws Exception {
        assertEquals(401, api.get("/v1/grades", "not-a-token").status());
        ApiClient.Reply reply = api.get("/v1/grades", PLANT_TOKENS.get(TOKYO));
        assertEquals(200, reply.status());
        Map<String, JsonNode> grades = StreamSupport.stream(reply.body().path("grades").spliterator(), false)
                .collect(Collectors.toMap(g -> g.path("code").asText(), g -> g));
        assertEquals(GradeCatalogue.get().codes().size(), grades.size());
        assertTrue(grades.get("FE_HS").path("highGrade").asBoolean());
        assertEquals(0.20, grades.get("FE_HS").path("limits").path("Cu").asDouble(), 1e-9);
        assertEquals("BLACK_MASS", grades.get("BM_LFP").path("material").asText());
        assertTrue(reply.body().path("sources").has("JFRMA"), "numbers come with their sources");
    }

    private static void awaitInPage(HeadlessChromium browser, String condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (browser.eval("!!(" + condition + ")").asBoolean()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("page never satisfied: " + condition + "; page text: " + browser.eval("document.body.innerText").asText());
    }

    private void assertRaised(String declarationId, String code) throws Exception {
        JsonNode alert = api.await("/v1/alerts/" + declarationId, REGULATOR, WAIT,
                body -> StreamSupport.stream(body.path("reasons").spliterator(), false).anyMatch(r -> code.equals(r.path("code").asText())));
        JsonNode reason = StreamSupport.stream(alert.path("reasons").spliterator(), false)
                .filter(r -> code.equals(r.path("code").asText())).findFirst().orElseThrow();
        assertTrue(reason.path("severity").asInt() >= 1 && reason.path("severity").asInt() <= 5, "severity 1-5");
        assertTrue(!reason.path("detail").asText().isBlank(), "a reason explains itself");
        assertTrue(reason.has("evidence"), "a reason carries its evidence");
    }

    private static JsonNode allTime(JsonNode body) {
        for (JsonNode a : body.path("aggregates")) {
            if ("all".equals(a.path("window").asText())) {
                return a;
            }
        }
        return body.path("window").asText().equals("all") && body.has("readings") ? body : AvroJson.MAPPER.createObjectNode();
    }

    private static double sumValues(JsonNode map) {
        double sum = 0;
        for (JsonNode v : map) {
            sum += v.asDouble();
        }
        return sum;
    }

    private void putSite(String siteId, String region, boolean licensed) throws Exception {
        ObjectNode site = AvroJson.MAPPER.createObjectNode().put("siteId", siteId).put("name", "E2E " + siteId)
                .put("region", region).put("type", "SHREDDER").put("licensed", licensed);
        assertEquals(202, api.send("PUT", "/v1/sites/" + siteId, REGULATOR, site.toString()).status());
    }

    /** Post {@code lots} lots of {@code perLot} readings of shredded steel, recording the expected sums. */
    private void postReadings(String siteId, String region, int lots, int perLot, Random random) throws Exception {
        StringBuilder ndjson = new StringBuilder();
        double[] sums = expected.computeIfAbsent(region, r -> new double[4]);
        for (int l = 0; l < lots; l++) {
            String lotId = "L-" + siteId + "-" + l;
            Set<String> events = eventsByLot.computeIfAbsent(lotId, k -> new HashSet<>());
            for (int r = 0; r < perLot; r++) {
                String eventId = "ev-" + siteId + "-" + l + "-" + r;
                double mass = 50 + random.nextInt(400);
                double ni = Math.round(random.nextDouble() * 10) / 100.0;
                ObjectNode reading = AvroJson.MAPPER.createObjectNode().put("eventId", eventId).put("siteId", siteId)
                        .put("stationId", "XRF-1").put("lotId", lotId).put("timestamp", Instant.now().toString())
                        .put("sensor", "XRF").put("massKg", mass).put("densityGcc", 7.8).put("magneticFraction", 0.98)
                        .put("thicknessMm", 1.8);
                reading.putObject("composition").put("Fe", 98.4).put("Mn", 0.4).put("Cu", 0.15).put("Sn", 0.012).put("Ni", ni);
                ndjson.append(reading).append('\n');
                events.add(eventId);
                sums[0] += mass / 1000;
                sums[1] += mass * ni / 100 / 1000;
                sums[2] += 1;
            }
            sums[3] += 1;
        }
        ApiClient.Reply reply = api.send("POST", "/v1/readings", PLANT_TOKENS.get(siteId), ndjson.toString());
        assertEquals(202, reply.status(), reply.body().toString());
        assertEquals(lots * perLot, reply.body().path("accepted").asInt());
        // A resend of the same batch is accepted once: the sums above must not change.
        assertEquals(202, api.send("POST", "/v1/readings", PLANT_TOKENS.get(siteId), ndjson.toString()).status());
    }

    private void postExport(String id, String siteId, String material, String hs, double massKg, String destination, List<String> lots) throws Exception {
        ObjectNode export = AvroJson.MAPPER.createObjectNode().put("declarationId", id).put("exporterId", "X-E2E")
                .put("siteId", siteId).put("port", "JP-14").put("hsCode", hs).put("declaredMaterial", material)
                .put("massKg", massKg).put("valueJpy", massKg * 100).put("destination", destination).put("timestamp", Instant.now().toString());
        lots.forEach(export.putArray("lotIds")::add);
        ApiClient.Reply reply = api.send("POST", "/v1/exports", REGULATOR, export.toString());
        assertEquals(202, reply.status(), reply.body().toString());
    }
}
