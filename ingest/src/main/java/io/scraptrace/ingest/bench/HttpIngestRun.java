package io.scraptrace.ingest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Several HTTP clients posting prepared NDJSON bodies to {@code POST /v1/readings} until all are sent. */
final class HttpIngestRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param time      wall and CPU time from the first request to the last reply
     * @param accepted  readings ingest answered as accepted
     * @param latencies per-request latencies
     */
    record Result(Measurement time, long accepted, Latencies latencies) {
    }

    private HttpIngestRun() {
    }

    static Result run(String url, String token, List<byte[]> bodies, int clients) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        Latencies latencies = new Latencies(bodies.size());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        Measurement.Start start = Measurement.start();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    accepted.addAndGet(post(http, url, token, bodies.get(i)));
                    latencies.record(System.nanoTime() - sent);
                }
                return null;
            }));
        }
        try {
            for (Future<?> client : running) {
                client.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("ingest request failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(start.stop(), accepted.get(), latencies);
    }

    private static int post(HttpClient http, String url, String token, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IOException("ingest answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode reply = JSON.readTree(response.body());
        return reply.get("accepted").intValue();
    }
}
