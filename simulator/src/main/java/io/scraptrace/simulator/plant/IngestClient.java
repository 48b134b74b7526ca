package io.scraptrace.simulator.plant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to the ingest API (CONTRACT section 2) with bearer tokens. Requests answered 429 or 503, or
 * that fail to connect (ingest still starting), are repeated unchanged with exponential backoff:
 * ingest is idempotent on eventId, so a repeat never double counts.
 */
final class IngestClient {
    private static final Logger LOG = LoggerFactory.getLogger(IngestClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";
    private static final String JSON = "application/json";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final HttpClient http;
    private final URI base;
    private final SimulatorCounters counters;
    private final BooleanSupplier stopping;
    private final Duration giveUpAfter;
    private final long initialBackoffMs;

    IngestClient(URI base, SimulatorCounters counters, BooleanSupplier stopping, Duration giveUpAfter, long initialBackoffMs) {
        // Plain HTTP/1.1: no h2c upgrade dance on every new connection to a plain-text ingest port.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.counters = counters;
        this.stopping = stopping;
        this.giveUpAfter = giveUpAfter;
        this.initialBackoffMs = initialBackoffMs;
    }

    IngestReply postReadings(String token, String ndjson) {
        return send("POST", "/v1/readings", token, NDJSON, ndjson);
    }

    IngestReply postFrame(String token, String json) {
        return send("POST", "/v1/frames", token, JSON, json);
    }

    IngestReply postExport(String token, String json) {
        return send("POST", "/v1/exports", token, JSON, json);
    }

    IngestReply putSite(String token, String siteId, String json) {
        return send("PUT", "/v1/sites/" + URLEncoder.encode(siteId, StandardCharsets.UTF_8), token, JSON, json);
    }

    private IngestReply send(String method, String path, String token, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        long backoffMs = initialBackoffMs;
        int lastStatus = 0;
        while (true) {
            long waitMs = backoffMs;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                lastStatus = response.statusCode();
                if (lastStatus >= 500) {
                    counters.serverErrors.incrementAndGet();
                }
                if (lastStatus != 429 && lastStatus != 503) {
                    if (lastStatus >= 400 && lastStatus < 500) {
                        counters.clientErrors.incrementAndGet();
                        LOG.warn("{} {} -> {}: {}", method, path, lastStatus, response.body());
                    }
                    return IngestReply.of(lastStatus, parse(response.body()));
                }
                waitMs = Math.max(waitMs, retryAfterMs(response));
            } catch (IOException e) {
                LOG.debug("{} {} failed: {}", method, path, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return IngestReply.failed(lastStatus);
            }
            if (stopping.getAsBoolean() || System.nanoTime() + waitMs * 1_000_000 > deadline) {
                LOG.warn("{} {} gave up (last status {})", method, path, lastStatus);
                return IngestReply.failed(lastStatus);
            }
            counters.retries.incrementAndGet();
            if (!sleep(waitMs)) {
                return IngestReply.failed(lastStatus);
            }
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        }
    }

    private static long retryAfterMs(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Math.min(MAX_BACKOFF_MS, Long.parseLong(value.strip()) * 1000);
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
