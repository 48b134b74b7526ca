package io.scraptrace.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.schemas.json.AvroJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** Random and mutated request bodies derived from valid items. */
final class PayloadFuzzer {
    private static final JsonNode[] ODD_VALUES = {
            AvroJson.MAPPER.getNodeFactory().nullNode(),
            AvroJson.MAPPER.getNodeFactory().textNode(""),
            AvroJson.MAPPER.getNodeFactory().textNode("x".repeat(5000)),
            AvroJson.MAPPER.getNodeFactory().numberNode(-1),
            AvroJson.MAPPER.getNodeFactory().numberNode(1e308),
            AvroJson.MAPPER.getNodeFactory().numberNode(Long.MAX_VALUE),
            AvroJson.MAPPER.getNodeFactory().booleanNode(true),
            AvroJson.MAPPER.getNodeFactory().arrayNode().add(1).add("a"),
            AvroJson.MAPPER.getNodeFactory().objectNode().put("Fe", 200),
            AvroJson.MAPPER.getNodeFactory().textNode("+999999999-12-31T23:59:59Z"),
            AvroJson.MAPPER.getNodeFactory().textNode("\u0000\uFFFF\uD83D\uDE00"),
    };

    private final Random random;

    PayloadFuzzer(long seed) {
        this.random = new Random(seed);
    }

    /** A body derived from {@code seed}: mutated once or several times, or raw noise. */
    byte[] body(ObjectNode seed) {
        return switch (random.nextInt(8)) {
            case 0 -> noise();
            case 1 -> truncate(seed.toString().getBytes(StandardCharsets.UTF_8));
            case 2 -> flipBytes(seed.toString().getBytes(StandardCharsets.UTF_8));
            case 3 -> batch(seed);
            case 4 -> nest(random.nextInt(5000));
            default -> mutate(seed).toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    private ObjectNode mutate(ObjectNode seed) {
        ObjectNode item = seed.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            if (names.isEmpty()) {
                break;
            }
            String field = names.get(random.nextInt(names.size()));
            if (random.nextInt(4) == 0) {
                item.remove(field);
            } else {
                item.set(field, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
            }
        }
        return item;
    }

    private byte[] batch(ObjectNode seed) {
        StringBuilder body = new StringBuilder();
        int items = 1 + random.nextInt(20);
        for (int i = 0; i < items; i++) {
            body.append(random.nextBoolean() ? seed.toString() : mutate(seed).toString()).append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] noise() {
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] truncate(byte[] json) {
        return Arrays.copyOf(json, random.nextInt(json.length));
    }

    private byte[] flipBytes(byte[] json) {
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            json[random.nextInt(json.length)] = (byte) random.nextInt(256);
        }
        return json;
    }

    private static byte[] nest(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    /** A content type a client might send, right or wrong. */
    String contentType() {
        String[] types = {"application/json", "application/x-ndjson", "text/plain", "application/octet-stream"};
        return types[random.nextInt(types.length)];
    }
}
