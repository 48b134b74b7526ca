package io.scraptrace.app.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.schemas.json.AvroJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plants posting NDJSON batches of readings to {@code POST /v1/readings} from several clients,
 * either as fast as ingest answers or paced to a fixed offered rate. Records when each batch was
 * acknowledged and how many readings had been acknowledged by then.
 */
final class HttpLoad {
    /** An acknowledged batch: when, and the running total of acknowledged readings after it. */
    record Ack(long nanos, long acknowledged) {
    }

    /**
     * @param startNanos when the first batch was sent
     * @param acks       every acknowledgement, in completion order
     */
    record Result(long startNanos, List<Ack> acks) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI url;
    private final String token;

    HttpLoad(int port, String token) {
        this.url = URI.create("http://127.0.0.1:" + port + "/v1/readings");
        this.token = token;
    }

    /** NDJSON bodies of {@code count} shredded-steel readings of {@code siteId}, {@code batch} a body. */
    static List<byte[]> bodies(String run, String siteId, int count, int batch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        String now = Instant.now().toString();
        for (int i = 0; i < count; i++) {
            ObjectNode r = AvroJson.MAPPER.createObjectNode().put("eventId", run + "-" + i).put("siteId", siteId)
                    .put("stationId", "XRF-" + (i % 4)).put("lotId", run + "-L" + (i / 50)).put("timestamp", now)
                    .put("sensor", "XRF").put("massKg", 20 + random.nextInt(400)).put("densityGcc", 7.8)
                    .put("magneticFraction", 0.98).put("thicknessMm", 1 + random.nextInt(30) / 10.0);
            r.putObject("composition").put("Fe", 98.2).put("Mn", 0.5).put("Cu", 0.05 + random.nextInt(40) / 100.0)
                    .put("Sn", 0.01).put("Cr", 0.05);
            body.append(r).append('\n');
            if ((i + 1) % batch == 0 || i == count - 1) {
                bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
                body.setLength(0);
            }
        }
        return bodies;
    }

    /**
     * Post every body with {@code clients} concurrent clients.
     *
     * @param ratePerSecond offered readings per second, or 0 for as fast as acknowledged
     * @param batch         readings per body (for pacing)
     */
    Result run(List<byte[]> bodies, int clients, double ratePerSecond, int batch) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong acknowledged = new AtomicLong();
        List<Ack> acks = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long nanosPerBody = ratePerSecond <= 0 ? 0 : (long) (batch / ratePerSecond * 1e9);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    long due = start + i * nanosPerBody;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    int accepted = post(bodies.get(i));
                    synchronized (acks) {
                        acks.add(new Ack(System.nanoTime(), acknowledged.addAndGet(accepted)));
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(start, acks);
    }

    private int post(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IOException("ingest answered " + response.statusCode() + ": " + response.body());
        }
        return AvroJson.MAPPER.readTree(response.body()).get("accepted").intValue();
    }
}
