package io.scraptrace.streams.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Material;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.IntakeDelta;
import io.scraptrace.streams.alerts.model.LotAnswer;
import io.scraptrace.streams.alerts.model.LotFacts;
import io.scraptrace.streams.alerts.model.SiteEvent;
import io.scraptrace.streams.alerts.model.SiteStatus;
import io.scraptrace.streams.alerts.model.Verdict;
import io.scraptrace.streams.alerts.process.SiteLedger;
import io.scraptrace.streams.alerts.rules.SiteChecks;
import io.scraptrace.streams.serde.JsonSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site ledger's state for a declaration of many lots, declared before any was graded: each
 * lot answer must write state of the same size however many lots the declaration lists.
 */
class LargeDeclarationStateTest {
    private static final String APP = "large-declaration-test";
    private static final int LOTS = 500;
    /** Far below what a file holding every answer (or the lot list) would need for 500 lots. */
    private static final int MOST_BYTES_PER_WRITE = 1_024;

    @TempDir
    Path stateDir;

    @Test
    void everyLotAnswerWritesStateOfConstantSize() {
        ScrapTraceConfig config = ScrapTraceConfig.of(Map.of("alerts.state.in.memory", "true"));
        AlertSettings settings = AlertSettings.from(config);
        StreamsBuilder builder = new StreamsBuilder();
        AlertStores.addAll(builder, config.topics(), settings);
        builder.stream("site-events", Consumed.with(Serdes.String(), new JsonSerde<>(SiteEvent.class)))
                .process(() -> new SiteLedger(new SiteChecks(settings, GradeCatalogue.get()), settings.lotWait(), settings.lotWaitCheckInterval()),
                        SiteLedger.HEADERS_STORE, SiteLedger.LOT_LISTS_STORE, SiteLedger.DECLARED_LOTS_STORE, SiteLedger.WAITING_STORE,
                        SiteLedger.UNREPORTED_STORE, SiteLedger.INTAKE_STORE, SiteLedger.EXPORTED_STORE)
                .to("verdicts", Produced.with(Serdes.String(), new JsonSerde<>(Verdict.class)));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props, Instant.parse("2026-06-01T12:00:00Z"))) {
            TestInputTopic<String, SiteEvent> events = driver.createInputTopic("site-events", Serdes.String().serializer(),
                    new JsonSerde<>(SiteEvent.class).serializer());
            TestOutputTopic<String, Verdict> verdicts = driver.createOutputTopic("verdicts", Serdes.String().deserializer(),
                    new JsonSerde<>(Verdict.class).deserializer());
            events.pipeInput("S1", SiteEvent.of(new IntakeDelta(Material.FERROUS, LOTS * 100.0)));
            List<String> lots = IntStream.range(0, LOTS).mapToObj(i -> "L-" + i).toList();
            events.pipeInput("S1", SiteEvent.of(new Declaration("D1", "X-1", "S1", "JP-14", "7204.49", Material.FERROUS, null,
                    LOTS * 100.0, 5_500.0 * LOTS, "VN", lots, 1_780_000_000_000L, new SiteStatus(true, "JP-13", true, null))));
            assertEquals(1, changelog(driver, SiteLedger.LOT_LISTS_STORE).size(), "the lot list is written once");
            changelog(driver, SiteLedger.HEADERS_STORE);
            changelog(driver, SiteLedger.DECLARED_LOTS_STORE);

            for (String lot : lots) {
                events.pipeInput("S1", SiteEvent.of(new LotAnswer("D1", lot, new LotFacts("S1", Map.of("FE_H1", 100.0), 1, 0.9,
                        Set.of("m-1")), "D1")));
            }
            for (String store : List.of(SiteLedger.HEADERS_STORE, SiteLedger.DECLARED_LOTS_STORE)) {
                List<TestRecord<String, byte[]>> writes = changelog(driver, store);
                assertEquals(LOTS, writes.size(), store + ": one write per answer");
                int largest = writes.stream().mapToInt(w -> w.value().length).max().orElse(0);
                assertTrue(largest <= MOST_BYTES_PER_WRITE, store + ": largest write " + largest + " bytes");
            }
            assertEquals(0, changelog(driver, SiteLedger.LOT_LISTS_STORE).size(), "answers never rewrite the lot list");

            List<Verdict> judged = verdicts.readValuesToList().stream().filter(Verdict::judged).toList();
            assertEquals(1, judged.size(), "judged once, when the last lot was answered");
            assertEquals(LOTS * 100.0, judged.get(0).measurement().massKg(), 1e-9);
            assertEquals(List.of(), judged.get(0).reasons(), "clean: every lot graded at the origin, claimed by D1, within the intake");

            // The same answer again changes nothing: no verdict is sent again.
            events.pipeInput("S1", SiteEvent.of(new LotAnswer("D1", "L-7", new LotFacts("S1", Map.of("FE_H1", 100.0), 1, 0.9,
                    Set.of("m-1")), "D1")));
            driver.advanceWallClockTime(Duration.ofSeconds(2));
            assertTrue(verdicts.isEmpty());
        }
    }

    private static List<TestRecord<String, byte[]>> changelog(TopologyTestDriver driver, String store) {
        TestOutputTopic<String, byte[]> topic = driver.createOutputTopic(APP + "-" + store + "-changelog", Serdes.String().deserializer(),
                new ByteArrayDeserializer());
        return new ArrayList<>(topic.readRecordsToList());
    }
}
