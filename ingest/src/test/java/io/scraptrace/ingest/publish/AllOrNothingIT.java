package io.scraptrace.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Frame;
import io.scraptrace.ingest.testing.HttpReply;
import io.scraptrace.ingest.testing.Payloads;
import io.scraptrace.ingest.testing.SharedKafka;
import io.scraptrace.ingest.testing.TestIngest;
import io.scraptrace.ingest.testing.TopicReader;
import io.scraptrace.ingest.validation.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * A request whose batch Kafka accepts only in part is answered 503, and the part Kafka did write
 * never becomes visible to read_committed consumers: the transaction makes the request atomic.
 */
class AllOrNothingIT {
    private static final int TOPIC_MAX_RECORD = 20_000;

    @Test
    void partlyWrittenRequestIsAbortedAnd503() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        try (TestIngest ingest = TestIngest.start(bootstrap, Map.of("ingest.kafka.timeout.ms", "4000"))) {
            // The broker, not ingest's validator, refuses the second frame: ingest allows 900 KiB, the topic only 20 kB.
            lowerMaxRecordSize(bootstrap, ingest.topics().frames.name());
            Payloads payloads = new Payloads(7);
            // Lots on different partitions, so the broker appends the small frame before refusing the large one.
            String smallLot = "L-ATOM-0";
            ObjectNode small = payloads.frame("small", TestIngest.SITE, smallLot);
            ObjectNode large = payloads.frame("large", TestIngest.SITE, lotOnAnotherPartition(smallLot, ingest.topics().frames.partitions()))
                    .put("imageBase64", Base64.getEncoder().encodeToString(incompressiblePng(100_000)));

            HttpReply reply = ingest.client().post("/v1/frames", TestIngest.PLANT_TOKEN, "application/x-ndjson", small + "\n" + large);

            assertEquals(503, reply.status(), reply::toString);
            List<String> written = TopicReader.uncommitted(bootstrap, ingest.topics().frames).stream().map(Frame::getEventId).toList();
            assertTrue(written.contains("small"), "the small frame reached the log before the large one failed: " + written);
            assertEquals(List.of(), TopicReader.committed(bootstrap, ingest.topics().frames));

            HttpReply retry = ingest.client().post("/v1/frames", TestIngest.PLANT_TOKEN, "application/json", small.toString());
            assertEquals(202, retry.status(), retry::toString);
            assertEquals(List.of("small"), TopicReader.committed(bootstrap, ingest.topics().frames).stream().map(Frame::getEventId).toList());
        }
    }

    private static String lotOnAnotherPartition(String lot, int partitions) {
        int taken = partition(lot, partitions);
        return IntStream.range(1, 100).mapToObj(i -> "L-ATOM-" + i)
                .filter(candidate -> partition(candidate, partitions) != taken).findFirst().orElseThrow();
    }

    /** The default partitioner's choice for a keyed record. */
    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static byte[] incompressiblePng(int size) {
        byte[] image = new byte[size];
        new Random(1).nextBytes(image);
        byte[] magic = ImageFormat.PNG.magic();
        System.arraycopy(magic, 0, image, 0, magic.length);
        return image;
    }

    private static void lowerMaxRecordSize(String bootstrap, String topic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            AlterConfigOp op = new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(TOPIC_MAX_RECORD)),
                    AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get(30, TimeUnit.SECONDS);
        }
    }
}
