package io.scraptrace.streams.passports;

import static io.scraptrace.streams.testing.StreamsInstance.REGULATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.broker.EmbeddedKafka;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.core.kafka.KafkaClients;
import io.scraptrace.core.kafka.TopicCreator;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.streams.testing.GradedFeed;
import io.scraptrace.streams.testing.Records;
import io.scraptrace.streams.testing.StreamsInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A passport served by a running streams instance on a real broker round-trips through
 * {@code verify-lot}; the same passport fails against the events once one graded record of the lot is
 * altered, and a passport whose figures were edited fails against the untouched events.
 */
class VerifyLotIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String LOT = "L-BM-7";

    @TempDir
    Path dir;

    @Test
    void aPassportMatchesItsEventsUntilARecordOrThePassportIsAltered() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            ScrapTraceConfig config = ScrapTraceConfig.of(Map.of(ScrapTraceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()));
            Topics topics = config.topics();
            TopicCreator.ensureTopics(config);
            GradedFeed.register(config, List.of(Records.site("S1", "JP-13")));
            Instant t0 = Instant.now().minusSeconds(60);
            GradedReading first = Records.graded("e1", "S1", LOT, "BM_NMC", 400, t0, Map.of("Ni", 20.0, "Co", 6.5, "Li", 3.5), 0.93);
            GradedReading second = Records.graded("e2", "S1", LOT, "BM_NMC", 350, t0.plusSeconds(5), Map.of("Ni", 19.0, "Co", 6.0, "Li", 3.4), 0.88);
            GradedReading resent = GradedReading.newBuilder(first).setMassKg(999).build();
            GradedReading other = Records.graded("e9", "S1", "L-OTHER", "FE_HS", 100, t0, Map.of("Fe", 99.0), 0.9);
            List<GradedReading> events = List.of(first, other, second, resent);
            GradedFeed.sendAll(config, topics.graded.name(), events);

            Path passportFile = dir.resolve("passport.json");
            try (StreamsInstance streams = StreamsInstance.start(kafka.bootstrapServers(), dir.resolve("state"),
                    Map.of("streams.commit.interval.ms", "100")).awaitRunning(WAIT)) {
                JsonNode passport = awaitPassport(streams, 2);
                assertEquals(750.0, passport.path("massKg").asDouble(), 1e-9, "the resend is counted once");
                Files.writeString(passportFile, passport.toString());

                assertEquals(VerifyLotCommand.MATCH, verify(kafka, "--passport", passportFile.toString()));
                assertEquals(VerifyLotCommand.MATCH, verify(kafka, "--url", "http://127.0.0.1:" + streams.server.port(), "--token", REGULATOR));
            }

            // A copy of the events with one graded record altered (2 kg less) no longer matches the passport.
            String tampered = "scrap.graded.tampered";
            createLike(config, tampered);
            GradedFeed.sendAll(config, tampered, List.of(first, other, GradedReading.newBuilder(second).setMassKg(348).build(), resent));
            assertEquals(VerifyLotCommand.MISMATCH, verify(kafka, "--passport", passportFile.toString(), "--topic", tampered));

            // An honest copy still matches: the mismatch above is the altered record's, not the copy's.
            String copy = "scrap.graded.copy";
            createLike(config, copy);
            GradedFeed.sendAll(config, copy, events);
            assertEquals(VerifyLotCommand.MATCH, verify(kafka, "--passport", passportFile.toString(), "--topic", copy));

            // A passport with an edited figure fails against the untouched events.
            Path edited = dir.resolve("edited.json");
            Files.writeString(edited, Files.readString(passportFile).replace("\"massKg\":750.0", "\"massKg\":900.0"));
            assertEquals(VerifyLotCommand.MISMATCH, verify(kafka, "--passport", edited.toString()));

            // A reading forged into the real topic afterwards makes the issued passport stale.
            GradedFeed.sendAll(config, topics.graded.name(), List.of(Records.graded("e3", "S1", LOT, "BM_LFP", 10, t0.plusSeconds(9))));
            assertEquals(VerifyLotCommand.MISMATCH, verify(kafka, "--passport", passportFile.toString()));
        }
    }

    /** Creates a topic partitioned like the graded topic, so the lot's records land on the partition verify-lot reads. */
    private static void createLike(ScrapTraceConfig config, String name) throws Exception {
        try (Admin admin = Admin.create(KafkaClients.admin(config))) {
            admin.createTopics(List.of(new NewTopic(name, config.topics().graded.partitions(), (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static JsonNode awaitPassport(StreamsInstance streams, long readings) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            var answer = streams.client.get("/v1/lots/" + LOT + "/passport", REGULATOR);
            if (answer.status() == 200 && answer.body().path("digest").path("readings").asLong() == readings) {
                return answer.body();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no passport with " + readings + " readings: " + answer.status() + " " + answer.body());
            }
            Thread.sleep(200);
        }
    }

    private static int verify(EmbeddedKafka kafka, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = LOT;
        args[1] = "--bootstrap-servers";
        args[2] = kafka.bootstrapServers();
        System.arraycopy(options, 0, args, 3, options.length);
        return new CommandLine(new VerifyLotCommand()).execute(args);
    }
}
