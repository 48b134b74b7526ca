package io.scraptrace.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.ingest.testing.HttpReply;
import io.scraptrace.ingest.testing.IngestClient;
import io.scraptrace.ingest.testing.Payloads;
import io.scraptrace.ingest.testing.SharedKafka;
import io.scraptrace.ingest.testing.TestIngest;
import io.scraptrace.schemas.json.AvroJson;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and mutated bodies at every write endpoint: each is answered 2xx, or 4xx
 * with a reason, never 5xx or not at all (the client times out after 30 s), and the service
 * still accepts a valid request afterwards.
 */
class FuzzIT {
    private static final int REQUESTS = 2000;
    private static final int CLIENTS = 4;

    private record Endpoint(String method, String path, String token, ObjectNode seed) {
    }

    @Test
    void everyReplyIsASuccessOrAReasonedClientError() throws Exception {
        try (TestIngest ingest = TestIngest.start(SharedKafka.bootstrapServers(), Map.of())) {
            Payloads payloads = new Payloads(5);
            List<Endpoint> endpoints = List.of(
                    new Endpoint("POST", "/v1/readings", TestIngest.PLANT_TOKEN, payloads.reading("fz", TestIngest.SITE, "L-FZ")),
                    new Endpoint("POST", "/v1/frames", TestIngest.PLANT_TOKEN, payloads.frame("fz-f", TestIngest.SITE, "L-FZ")),
                    new Endpoint("POST", "/v1/exports", TestIngest.REGULATOR_TOKEN, declaration()),
                    new Endpoint("PUT", "/v1/sites/S-FZ", TestIngest.REGULATOR_TOKEN, site()));
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> violations = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                long seed = c;
                clients.add(pool.submit(() -> {
                    PayloadFuzzer fuzzer = new PayloadFuzzer(seed);
                    for (int i = 0; i < REQUESTS / CLIENTS; i++) {
                        Endpoint endpoint = endpoints.get((int) ((seed + i) % endpoints.size()));
                        HttpReply reply = send(ingest.client(), endpoint, fuzzer.body(endpoint.seed()), fuzzer.contentType());
                        statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                        String problem = problem(reply);
                        if (problem != null) {
                            synchronized (violations) {
                                violations.add(endpoint.path() + ": " + problem);
                            }
                        }
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
            System.out.println("fuzz replies by status: " + new TreeMap<>(statuses));

            assertEquals(List.of(), violations.subList(0, Math.min(violations.size(), 10)), "statuses " + statuses);
            assertEquals(REQUESTS, statuses.values().stream().mapToInt(AtomicInteger::get).sum());
            assertTrue(statuses.containsKey(202) && statuses.containsKey(400), "both paths exercised: " + statuses);
            HttpReply valid = ingest.client().post("/v1/readings", TestIngest.PLANT_TOKEN, "application/json",
                    payloads.reading("fz-after", TestIngest.SITE, "L-FZ").toString());
            assertEquals(202, valid.status(), valid::toString);
        }
    }

    /** What is wrong with a reply, or null. */
    private static String problem(HttpReply reply) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return reply.body().has("accepted") ? null : "2xx without counts: " + reply;
        }
        if (status >= 400 && status < 500) {
            return reply.body().path("error").isTextual() ? null : "4xx without a reason: " + reply;
        }
        return "unexpected status: " + reply;
    }

    private static HttpReply send(IngestClient client, Endpoint endpoint, byte[] body, String contentType) {
        HttpRequest request = client.request(endpoint.path(), endpoint.token())
                .header("Content-Type", contentType)
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.send(request);
    }

    private static ObjectNode declaration() {
        ObjectNode d = AvroJson.MAPPER.createObjectNode().put("declarationId", "D-FZ").put("exporterId", "EX-FZ")
                .put("siteId", TestIngest.SITE).put("port", "JP-14").put("hsCode", "7602.00").put("declaredMaterial", "ALUMINIUM")
                .put("massKg", 5000).put("valueJpy", 9e5).put("destination", "TH").put("timestamp", "2026-11-25T10:00:00Z");
        d.putArray("lotIds").add("L-FZ");
        return d;
    }

    private static ObjectNode site() {
        return AvroJson.MAPPER.createObjectNode().put("siteId", "S-FZ").put("name", "Fuzz Yard").put("region", "JP-27")
                .put("type", "SORTING_LINE").put("licensed", false);
    }
}
