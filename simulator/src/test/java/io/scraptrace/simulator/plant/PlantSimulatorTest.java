package io.scraptrace.simulator.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the plant simulator for a few seconds against a recording stand-in of the ingest API. */
class PlantSimulatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SITES = 6;
    private static final long SEED = 7;
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    private static List<RecordingIngest.Request> requests;
    private static Map<String, Principal> tokens;
    private static PlantWorld world;
    private static SimulatorCounters.Snapshot counters;
    private static List<JsonNode> truth;

    @BeforeAll
    static void runSimulator() throws Exception {
        world = PlantWorld.create(SITES, SEED, true, LocalDate.now(ZoneOffset.UTC));
        tokens = SimulatorTokens.generate(world.siteIds());
        Path truthFile = dir.resolve("truth.jsonl");
        try (RecordingIngest ingest = new RecordingIngest(1)) {
            SimulatorOptions options = new SimulatorOptions(ingest.url(), SITES, 400, Duration.ZERO, true, 0.5,
                    SEED, truthFile, 0.05, Duration.ZERO, "t1");
            PlantSimulator simulator = new PlantSimulator(options, SimulatorTokens.fromPrincipals(tokens));
            simulator.start();
            // Run until every code was planted (the shared CPU decides how long that takes), then stop.
            long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
            while (plantedCodes(truthFile).size() < AlertCode.values().length && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            simulator.stop();
            assertTrue(simulator.awaitCompletion(Duration.ofSeconds(40)), "simulator stops");
            counters = simulator.counters();
            requests = ingest.requests();
        }
        truth = readTruth(truthFile);
    }

    private static List<JsonNode> readTruth(Path file) throws java.io.IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    lines.add(MAPPER.readTree(line));
                }
            }
        }
        return lines;
    }

    private static Set<String> plantedCodes(Path file) throws java.io.IOException {
        Set<String> codes = new TreeSet<>();
        for (JsonNode line : readTruth(file)) {
            line.get("expectedCodes").forEach(code -> codes.add(code.asText()));
        }
        return codes;
    }

    @Test
    void everyRequestCarriesTheRightToken() {
        for (RecordingIngest.Request request : requests) {
            Principal principal = tokens.get(request.token());
            assertNotNull(principal, "known token on " + request.path());
            if (request.path().equals("/v1/readings") || request.path().equals("/v1/frames")) {
                assertEquals(Role.PLANT, principal.role());
                for (JsonNode item : request.items()) {
                    assertTrue(principal.covers(item.get("siteId").asText()), "plant token of the item's site");
                }
            } else {
                assertEquals(Role.REGULATOR, principal.role(), request.path());
            }
        }
    }

    @Test
    void sitesAreRegisteredBeforeTheirReadingsAndUnknownSitesNever() {
        Set<String> registered = new HashSet<>();
        Set<String> reading = new HashSet<>();
        for (RecordingIngest.Request request : requests) {
            if (request.method().equals("PUT")) {
                JsonNode site = request.items().get(0);
                assertEquals("/v1/sites/" + site.get("siteId").asText(), request.path());
                registered.add(site.get("siteId").asText());
            } else if (request.path().equals("/v1/readings")) {
                for (JsonNode item : request.items()) {
                    String site = item.get("siteId").asText();
                    reading.add(site);
                    PlantSite plantSite = world.sites().stream().filter(s -> s.siteId().equals(site)).findFirst().orElseThrow();
                    assertEquals(plantSite.registered(), registered.contains(site), site + " registered before its readings");
                }
            }
        }
        assertEquals(Set.copyOf(world.siteIds()), reading, "every site sends readings");
        assertEquals(world.sites().size() - 1, registered.size(), "all but the unknown site registered");
    }

    @Test
    void readingsAreWellFormedNdjsonWithinTheContract() {
        int items = 0;
        for (RecordingIngest.Request request : requests) {
            if (!request.path().equals("/v1/readings")) {
                continue;
            }
            for (String line : request.body().split("\n")) {
                JsonNode reading = assertDoesParse(line);
                for (String field : List.of("eventId", "siteId", "stationId", "lotId", "timestamp", "sensor", "massKg", "composition")) {
                    assertTrue(reading.hasNonNull(field), field + " in " + line);
                }
                Instant.parse(reading.get("timestamp").asText());
                assertTrue(reading.get("massKg").asDouble() > 0);
                double sum = 0;
                for (JsonNode value : reading.get("composition")) {
                    assertTrue(value.asDouble() >= 0 && value.asDouble() <= 100);
                    sum += value.asDouble();
                }
                assertTrue(sum <= 100.5, line);
                assertFalse(reading.has("receivedAt"), "clients never send receivedAt");
                items++;
            }
        }
        assertTrue(items > 1000, "readings sent: " + items);
    }

    @Test
    void framesComeFirstDecodeAndAreReferencedByTheirReading() throws Exception {
        Map<String, JsonNode> frames = new HashMap<>();
        int referenced = 0;
        for (RecordingIngest.Request request : requests) {
            if (request.path().equals("/v1/frames")) {
                JsonNode frame = request.items().get(0);
                byte[] png = Base64.getDecoder().decode(frame.get("imageBase64").asText());
                assertNotNull(ImageIO.read(new ByteArrayInputStream(png)), "frame decodes");
                frames.put(frame.get("eventId").asText(), frame);
            } else if (request.path().equals("/v1/readings") && request.status() == 202) {
                for (JsonNode reading : request.items()) {
                    if (reading.hasNonNull("frameId")) {
                        JsonNode frame = frames.get(reading.get("frameId").asText());
                        assertNotNull(frame, "frame posted before the reading naming it");
                        assertEquals(reading.get("lotId"), frame.get("lotId"));
                        referenced++;
                    }
                }
            }
        }
        assertTrue(referenced > 0, "some readings come with a frame");
        assertEquals(counters.framesAccepted(), frames.size());
    }

    @Test
    void throttledBatchIsRetriedWithTheSameEventIds() {
        List<RecordingIngest.Request> readings = requests.stream().filter(r -> r.path().equals("/v1/readings")).toList();
        RecordingIngest.Request throttled = readings.get(0);
        assertEquals(429, throttled.status());
        List<RecordingIngest.Request> resent = readings.stream()
                .filter(r -> r != throttled && eventIds(r).equals(eventIds(throttled))).toList();
        assertEquals(1, resent.size(), "the throttled batch is sent again, once");
        assertEquals(202, resent.get(0).status());
        assertTrue(counters.retries() >= 1);
        long accepted = readings.stream().filter(r -> r.status() == 202).mapToLong(r -> r.items().size()).sum();
        assertEquals(accepted, counters.readingsAccepted());
    }

    @Test
    void cleanDeclarationsOnlyClaimLotsTheirSiteEmittedEarlier() {
        Map<String, Boolean> clean = new HashMap<>();
        truth.forEach(line -> clean.put(line.get("declarationId").asText(), line.get("expectedCodes").isEmpty()));
        Map<String, String> lotSite = new HashMap<>();
        Set<String> claimed = new HashSet<>();
        int checked = 0;
        for (RecordingIngest.Request request : requests) {
            if (request.path().equals("/v1/readings") && request.status() == 202) {
                request.items().forEach(r -> lotSite.putIfAbsent(r.get("lotId").asText(), r.get("siteId").asText()));
            } else if (request.path().equals("/v1/exports")) {
                JsonNode declaration = request.items().get(0);
                if (clean.get(declaration.get("declarationId").asText())) {
                    for (JsonNode lot : declaration.get("lotIds")) {
                        assertEquals(declaration.get("siteId").asText(), lotSite.get(lot.asText()), "lot " + lot + " emitted earlier by the site");
                        assertTrue(claimed.add(lot.asText()), "lot claimed once");
                    }
                    checked++;
                } else {
                    declaration.get("lotIds").forEach(lot -> claimed.add(lot.asText()));
                }
            }
        }
        assertTrue(checked > 10, "clean declarations: " + checked);
    }

    @Test
    void groundTruthListsEveryAcceptedDeclarationAndAgreesWithAnIndependentReading() {
        Map<String, Set<String>> verdicts = WireOracle.judge(requests);
        assertEquals(counters.declarationsAccepted(), truth.size());
        assertEquals(verdicts.keySet(), new HashSet<>(truth.stream().map(t -> t.get("declarationId").asText()).toList()));
        Map<String, Set<String>> disagreements = new LinkedHashMap<>();
        Set<String> planted = new TreeSet<>();
        for (JsonNode line : truth) {
            Set<String> expected = new TreeSet<>();
            line.get("expectedCodes").forEach(code -> expected.add(code.asText()));
            planted.addAll(expected);
            Set<String> found = verdicts.get(line.get("declarationId").asText());
            if (!found.equals(expected)) {
                disagreements.put(line.get("declarationId").asText() + " expected " + expected, found);
            }
        }
        System.out.println("planted codes: " + planted + ", declarations: " + truth.size() + ", disagreements: " + disagreements);
        assertEquals(AlertCode.values().length, planted.size(), "codes planted: " + planted);
        assertTrue(disagreements.size() <= truth.size() / 20, "disagreements: " + disagreements);
    }

    private static JsonNode assertDoesParse(String line) {
        try {
            JsonNode node = MAPPER.readTree(line.getBytes(StandardCharsets.UTF_8));
            assertTrue(node.isObject(), line);
            return node;
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static List<String> eventIds(RecordingIngest.Request request) {
        return request.items().stream().map(item -> item.get("eventId").asText()).toList();
    }
}
