package io.scraptrace.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.DeadLetter;
import io.scraptrace.avro.Label;
import io.scraptrace.ingest.testing.HttpReply;
import io.scraptrace.ingest.testing.IngestClient;
import io.scraptrace.ingest.testing.Payloads;
import io.scraptrace.ingest.testing.SharedKafka;
import io.scraptrace.ingest.testing.TestIngest;
import io.scraptrace.ingest.testing.TopicReader;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code POST /v1/labels} against a real broker: records, dead letters and who may label what. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabelsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRADE = GradeCatalogue.get().codes().get(0);
    /** The test tokens' operator is scoped to JP-13 (see TestIngest). */
    private static final String OPERATOR_REGION = "JP-13";

    private TestIngest ingest;
    private IngestClient client;

    @BeforeAll
    void start() {
        // A loaded CI machine can take longer than the default 4 s to commit a transaction.
        ingest = TestIngest.start(SharedKafka.bootstrapServers(), Map.of("ingest.kafka.timeout.ms", "20000"));
        client = ingest.client();
    }

    @AfterAll
    void stop() {
        ingest.close();
    }

    private static ObjectNode label(String labelId, String siteId, String lotId) {
        return JSON.createObjectNode().put("labelId", labelId).put("siteId", siteId).put("lotId", lotId)
                .put("grade", GRADE).put("labelledBy", "inspector-7").put("labelledAt", "2026-11-29T09:30:00Z");
    }

    private void register(String siteId, String region) {
        String site = JSON.createObjectNode().put("name", siteId).put("region", region).put("type", "YARD")
                .put("licensed", true).toString();
        assertEquals(202, client.put("/v1/sites/" + siteId, TestIngest.REGULATOR_TOKEN, site).status());
    }

    private List<ConsumerRecord<String, Label>> labelsOfLot(String lotId) {
        return TopicReader.committedRecords(ingest.bootstrapServers(), ingest.topics().labels).stream()
                .filter(r -> r.value().getLotId().equals(lotId)).toList();
    }

    @Test
    void aPlantsLabelsReachTheTopicKeyedByLotSignedByItsTokenAndBadOnesAreDeadLettered() {
        List<ObjectNode> items = List.of(label("pl-1", TestIngest.SITE, "L-PL").put("eventId", "E-PL-1"),
                label("pl-2", TestIngest.SITE, "L-PL").put("principal", "regulator"),
                label("pl-bad", TestIngest.SITE, "L-PL").put("grade", "STAINLESS_304"));

        HttpReply reply = client.post("/v1/labels", TestIngest.PLANT_TOKEN, "application/json", Payloads.array(items));

        assertEquals(202, reply.status(), reply::toString);
        assertEquals(2, reply.body().get("accepted").intValue());
        assertEquals(1, reply.body().get("rejected").intValue());
        assertEquals("grade", reply.body().at("/errors/0/field").textValue());
        assertEquals(2, reply.body().at("/errors/0/index").intValue());
        List<ConsumerRecord<String, Label>> records = labelsOfLot("L-PL");
        assertEquals(List.of("pl-1", "pl-2"), records.stream().map(r -> r.value().getLabelId()).toList());
        assertTrue(records.stream().allMatch(r -> r.key().equals("L-PL")));
        assertEquals("E-PL-1", records.get(0).value().getEventId());
        assertNull(records.get(1).value().getEventId(), "a label without eventId is a lot label");
        assertTrue(records.stream().allMatch(r -> r.value().getPrincipal().equals("plant-tky")),
                "the token names who posted it, whatever the body claims");
        List<DeadLetter> letters = TopicReader.committed(ingest.bootstrapServers(), ingest.topics().deadLetter).stream()
                .filter(d -> "http:/v1/labels".equals(d.getSource())).toList();
        assertEquals(1, letters.size());
        assertEquals("grade", letters.get(0).getField());
    }

    @Test
    void aResentLabelIsAcceptedOnceAndNdjsonWorks() {
        String body = label("nd-1", TestIngest.SITE, "L-ND") + "\n" + label("nd-1", TestIngest.SITE, "L-ND") + "\n";

        HttpReply reply = client.post("/v1/labels", TestIngest.PLANT_TOKEN, "application/x-ndjson", body);

        assertEquals(202, reply.status(), reply::toString);
        assertEquals(2, reply.body().get("accepted").intValue());
        assertEquals(1, reply.body().get("duplicates").intValue());
        assertEquals(1, labelsOfLot("L-ND").size());
    }

    @Test
    void aPlantMayNotLabelAnotherSitesLots() {
        HttpReply reply = client.post("/v1/labels", TestIngest.PLANT_TOKEN, "application/json",
                label("foreign-1", TestIngest.OTHER_SITE, "L-FOREIGN").toString());

        assertEquals(403, reply.status(), reply::toString);
        assertEquals("siteId", reply.body().at("/details/0/field").textValue());
        assertTrue(labelsOfLot("L-FOREIGN").isEmpty());
    }

    @Test
    void anOperatorLabelsSitesRegisteredInItsRegionsOnly() {
        register("S-OP-IN", OPERATOR_REGION);
        register("S-OP-OUT", "JP-27");

        HttpReply inRegion = client.post("/v1/labels", TestIngest.OPERATOR_TOKEN, "application/json",
                label("op-1", "S-OP-IN", "L-OP-IN").toString());
        HttpReply outOfRegion = client.post("/v1/labels", TestIngest.OPERATOR_TOKEN, "application/json",
                Payloads.array(List.of(label("op-2", "S-OP-IN", "L-OP-IN"), label("op-3", "S-OP-OUT", "L-OP-OUT"))));
        HttpReply unregistered = client.post("/v1/labels", TestIngest.OPERATOR_TOKEN, "application/json",
                label("op-4", "S-NOWHERE", "L-OP-NOWHERE").toString());

        assertEquals(202, inRegion.status(), inRegion::toString);
        assertEquals(403, outOfRegion.status(), outOfRegion::toString);
        assertEquals(1, outOfRegion.body().at("/details/0/index").intValue());
        assertTrue(outOfRegion.body().at("/details/0/reason").textValue().contains("JP-27"), outOfRegion::toString);
        assertEquals(403, unregistered.status(), unregistered::toString);
        assertTrue(unregistered.body().at("/details/0/reason").textValue().contains("not registered"), unregistered::toString);
        assertEquals(List.of("op-1"), labelsOfLot("L-OP-IN").stream().map(r -> r.value().getLabelId()).toList(),
                "nothing of a request with a foreign item is taken");
        assertEquals("operator", labelsOfLot("L-OP-IN").get(0).value().getPrincipal());
    }

    @Test
    void aRegulatorMayLabelAnySite() {
        HttpReply reply = client.post("/v1/labels", TestIngest.REGULATOR_TOKEN, "application/json",
                label("reg-1", "S-ANYWHERE", "L-REG").put("note", "customs laboratory assay").toString());

        assertEquals(202, reply.status(), reply::toString);
        assertEquals("customs laboratory assay", labelsOfLot("L-REG").get(0).value().getNote());
    }
}
