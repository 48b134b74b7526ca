package io.scraptrace.streams.passports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.core.cli.ClientOptions;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.streams.alerts.model.LotClaims;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scraptrace verify-lot LOT}: recomputes the lot's digest from the graded topic
 * ({@link LotEvidence}) and compares it with the lot's passport, given as a file (what a buyer was
 * handed) or fetched from the query API: the digest and every figure the passport derives from the
 * readings. Prints one JSON line; exit 0 when all match, 1 when any does not (each mismatch named),
 * 2 when it cannot tell (no passport, unreachable broker or API).
 */
@Command(name = "verify-lot", mixinStandardHelpOptions = true,
        description = "Recompute a lot's digest from scrap.graded and compare it with its passport (exit 0 = match, 1 = mismatch, 2 = cannot tell).")
public final class VerifyLotCommand implements Callable<Integer> {
    /** Exit code when the passport matches the events. */
    public static final int MATCH = 0;
    /** Exit code when it does not. */
    public static final int MISMATCH = 1;
    /** Exit code when no verdict was possible. */
    public static final int CANNOT_TELL = 2;

    @Parameters(index = "0", paramLabel = "LOT", description = "The lotId.")
    String lotId;

    @Option(names = "--passport", paramLabel = "FILE", description = "The passport JSON to check (default: fetch it from --url).")
    Path passportFile;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "Query API to fetch the passport from when no --passport is given (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token for --url (default: env SCRAPTRACE_TOKEN).")
    String token;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Graded topic to recompute from (default: the configured scrap.graded).")
    String topicName;

    @Mixin
    ClientOptions options;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() {
        ScrapTraceConfig config = options.config();
        JsonNode passport;
        try {
            passport = passportFile != null ? ApiServer.JSON.readTree(Files.readString(passportFile)) : fetch();
        } catch (IOException | IllegalStateException e) {
            System.err.println("cannot read the passport of " + lotId + ": " + e.getMessage());
            return CANNOT_TELL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CANNOT_TELL;
        }
        if (!lotId.equals(passport.path("lotId").asText())) {
            System.err.println("the passport is for lot '" + passport.path("lotId").asText() + "', not " + lotId);
            return CANNOT_TELL;
        }
        Topic<String, GradedReading> graded = config.topics().graded;
        Topic<String, GradedReading> topic = topicName == null ? graded
                : new Topic<>(topicName, graded.keySerde(), graded.valueSerde(), graded.partitions(), graded.configs());
        LotEvidence evidence;
        try {
            evidence = LotEvidence.recompute(config, topic, lotId);
        } catch (RuntimeException e) {
            System.err.println("cannot read " + topic.name() + ": " + e.getMessage());
            return CANNOT_TELL;
        }
        ObjectNode report = compare(passport, evidence, topic.name());
        out.println(report);
        return report.path("match").asBoolean() ? MATCH : MISMATCH;
    }

    /** The passport's figures that come from the lot's readings, each checked against the recomputed lot. */
    static final List<String> CHECKED = List.of("/digest/value", "/digest/readings", "/massKg", "/massKgByGrade", "/dominantGrade",
            "/recycledContent", "/grading/confidence", "/grading/uncertainMassShare", "/grading/modelVersions",
            "/timestamps/firstReadingAt", "/timestamps/lastReadingAt", "/timestamps/lastGradedAt");

    /** JSON equality where numbers compare by value: a parsed 2 is an int node, a rendered one a long node. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? Double.compare(a.doubleValue(), b.doubleValue()) : a.equals(b) ? 0 : 1;

    /** The verdict: every {@link #CHECKED} figure of the passport against the lot recomputed from the topic. */
    static ObjectNode compare(JsonNode passport, LotEvidence evidence, String topicName) {
        ObjectNode report = ApiServer.JSON.createObjectNode().put("lotId", evidence.lotId()).put("topic", topicName)
                .put("algorithm", passport.path("digest").path("algorithm").asText(""))
                .put("passportDigest", passport.path("digest").path("value").asText(""));
        ArrayNode mismatches = ApiServer.JSON.createArrayNode();
        if (evidence.lot().isEmpty()) {
            mismatches.addObject().put("field", "/digest/readings").put("reason", "no reading of the lot in " + topicName);
        } else {
            JsonNode recomputed = PassportJson.render(evidence.lot().get(), Optional.empty(), "", LotClaims.none(), Instant.EPOCH);
            report.put("recomputedDigest", recomputed.at("/digest/value").asText()).put("readings", recomputed.at("/digest/readings").asLong());
            for (String field : CHECKED) {
                if (!passport.at(field).equals(SAME_VALUE, recomputed.at(field))) {
                    ObjectNode mismatch = mismatches.addObject().put("field", field);
                    mismatch.set("passport", passport.at(field));
                    mismatch.set("recomputed", recomputed.at(field));
                }
            }
        }
        report.put("match", mismatches.isEmpty());
        report.set("mismatches", mismatches);
        return report;
    }

    private JsonNode fetch() throws IOException, InterruptedException {
        String bearer = Optional.ofNullable(token).orElse(System.getenv("SCRAPTRACE_TOKEN"));
        if (bearer == null) {
            throw new IllegalStateException("give --passport FILE, or --token (or SCRAPTRACE_TOKEN) to fetch it from " + url);
        }
        String path = "/v1/lots/" + URLEncoder.encode(lotId, StandardCharsets.UTF_8).replace("+", "%20") + "/passport";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + bearer).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return ApiServer.JSON.readTree(response.body());
    }
}
