package io.scraptrace.app.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady load on ingest: one thread POSTing NDJSON batches of readings at a fixed request rate
 * (a late request is not made up for with a burst). It remembers every eventId ingest accepted (202
 * with every item accepted) with its mass and when it was accepted, and every eventId of a request
 * that was not accepted (503, timeout...), which must then never reach the pipeline.
 */
final class LoadGenerator {
    /** One request's outcome. */
    record Outcome(long startNanos, long endNanos, int status, int items, boolean planted) {
        boolean accepted() {
            return status == 202;
        }
    }

    /** A plant site the load posts for, with its plant token and the grades its pieces follow. */
    record Site(String siteId, String token, List<String> grades) {
    }

    private final Http http;
    private final int ingestPort;
    private final List<Site> sites;
    private final int readingsPerRequest;
    private final Duration period;
    private final Random random = new Random(7);
    private final Map<String, Double> acceptedMass = new ConcurrentHashMap<>();
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final Set<String> notAccepted = ConcurrentHashMap.newKeySet();
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> anomalies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, Integer> perSiteCount = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    LoadGenerator(Http http, int ingestPort, List<Site> sites, int readingsPerRequest, int requestsPerSecond) {
        this.http = http;
        this.ingestPort = ingestPort;
        this.sites = List.copyOf(sites);
        this.readingsPerRequest = readingsPerRequest;
        this.period = Duration.ofNanos(TimeUnit.SECONDS.toNanos(1) / requestsPerSecond);
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::run, "fault-load");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stop after the request in flight; returns when the thread has ended. */
    void stop() throws InterruptedException {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
    }

    private void run() {
        long next = System.nanoTime();
        int turn = 0;
        while (running) {
            long now = System.nanoTime();
            if (now < next) {
                try {
                    TimeUnit.NANOSECONDS.sleep(next - now);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Site site = sites.get(turn++ % sites.size());
            StringBuilder ndjson = new StringBuilder();
            Map<String, Double> batch = new TreeMap<>();
            for (int i = 0; i < readingsPerRequest; i++) {
                int n = perSiteCount.merge(site.siteId(), 1, Integer::sum);
                String eventId = "ld-" + site.siteId() + "-" + sequence.incrementAndGet();
                String lotId = "L-" + site.siteId() + "-" + (n / 40);
                String grade = site.grades().get(random.nextInt(site.grades().size()));
                double mass = 20 + random.nextInt(9800) / 10.0;
                ObjectNode reading = Pieces.reading(eventId, site.siteId(), lotId, grade, mass, random);
                ndjson.append(reading).append('\n');
                batch.put(eventId, mass);
            }
            post(site.token(), ndjson.toString(), batch, false);
            // Fixed rate; after a slow request start again from now rather than sending a burst.
            next = Math.max(next + period.toNanos(), System.nanoTime() - period.toNanos());
        }
    }

    /**
     * POST one NDJSON batch of readings and account for it like the load does. Returns the HTTP
     * status (-1 without a reply).
     */
    int post(String token, String ndjson, Map<String, Double> massByEventId, boolean planted) {
        long start = System.nanoTime();
        Http.Reply reply = http.post(ingestPort, "/v1/readings", token, "application/x-ndjson", ndjson);
        long end = System.nanoTime();
        int status = reply.status();
        if (status == 202) {
            int accepted = reply.body().path("accepted").asInt(-1);
            int duplicates = reply.body().path("duplicates").asInt(0);
            if (accepted != massByEventId.size() || duplicates != 0) {
                // Every item is valid and new: anything else is an ingest anomaly worth reporting.
                anomalies.add("202 with accepted=" + accepted + " duplicates=" + duplicates + " for " + massByEventId.size() + " items: " + reply);
                notAccepted.addAll(massByEventId.keySet());
                status = -202;
            } else {
                acceptedMass.putAll(massByEventId);
                massByEventId.keySet().forEach(id -> acceptedAt.put(id, end));
            }
        } else {
            notAccepted.addAll(massByEventId.keySet());
            if (status != 503) {
                anomalies.add("status " + reply);
            }
        }
        outcomes.add(new Outcome(start, end, status, massByEventId.size(), planted));
        return status;
    }

    /** eventId -> massKg of every accepted reading. */
    Map<String, Double> accepted() {
        return Map.copyOf(acceptedMass);
    }

    /** When (nanoTime) each accepted reading's 202 came back. */
    Map<String, Long> acceptedAt() {
        return Map.copyOf(acceptedAt);
    }

    /** eventIds of requests that were not accepted. */
    Set<String> notAccepted() {
        return Set.copyOf(notAccepted);
    }

    /** Replies that were neither a full 202 nor a 503 (should be none). */
    List<String> anomalies() {
        synchronized (anomalies) {
            return List.copyOf(anomalies);
        }
    }

    /** Outcomes of the requests that ended within [fromNanos, toNanos). */
    Window window(long fromNanos, long toNanos) {
        List<Outcome> in;
        synchronized (outcomes) {
            in = outcomes.stream().filter(o -> o.endNanos() >= fromNanos && o.endNanos() < toNanos).toList();
        }
        return new Window(in);
    }

    /** Request statistics of a time window. */
    record Window(List<Outcome> outcomes) {
        int requests() {
            return outcomes.size();
        }

        int acceptedReadings() {
            return outcomes.stream().filter(Outcome::accepted).mapToInt(Outcome::items).sum();
        }

        long count(int status) {
            return outcomes.stream().filter(o -> o.status() == status).count();
        }

        long otherStatuses() {
            return outcomes.stream().filter(o -> o.status() != 202 && o.status() != 503).count();
        }

        long maxLatencyMs() {
            return outcomes.stream().mapToLong(o -> TimeUnit.NANOSECONDS.toMillis(o.endNanos() - o.startNanos())).max().orElse(0);
        }

        /** First end time of a 503 in the window, or -1. */
        long first503() {
            return outcomes.stream().filter(o -> o.status() == 503).mapToLong(Outcome::endNanos).min().orElse(-1);
        }

        /** Last end time of a non-202 in the window, or -1. */
        long lastFailure() {
            return outcomes.stream().filter(o -> !o.accepted()).mapToLong(Outcome::endNanos).max().orElse(-1);
        }

        @Override
        public String toString() {
            return String.format("%d requests, %d readings accepted, %d x 503, %d other non-202, max request latency %d ms",
                    requests(), acceptedReadings(), count(503), otherStatuses(), maxLatencyMs());
        }
    }
}
