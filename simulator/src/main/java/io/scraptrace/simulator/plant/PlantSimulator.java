package io.scraptrace.simulator.plant;

import io.scraptrace.avro.Reading;
import io.scraptrace.core.Service;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.specimens.FrameRenderer;
import io.scraptrace.specimens.Frames;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plant simulator: registers the sites of a seeded {@link PlantWorld}, then on its own thread
 * posts NDJSON batches of readings (with occasional camera frames) at the configured rate, and
 * once a second files export declarations of lots it already emitted, planting alert codes when
 * anomalies are on and writing the ground truth. Runs until its duration is over or {@link #stop()}.
 * Sites without a plant token are not simulated; without a regulator token nothing is registered
 * or declared. On a {@linkplain SimulationClock#simulated simulated clock} the sites post one after
 * the other instead of in parallel, so ingest receives everything in an order the seed decides.
 */
public final class PlantSimulator implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(PlantSimulator.class);
    private static final Duration TICK = Duration.ofMillis(500);
    /** Most sites posting at the same time. */
    private static final int MAX_SENDERS = 8;
    private static final Duration DECLARE_EVERY = Duration.ofSeconds(1);
    /** Declarations start after this many lot-settle times. */
    private static final int WARM_UP_SETTLES = 3;
    /** Bounds one round when a slow ingest made the last ticks long and many lots settled meanwhile. */
    private static final int MAX_DECLARATIONS_PER_ROUND = 30;
    /** Largest batch per site and tick, far below ingest's body limit. */
    private static final int MAX_BATCH = 500;
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);
    private static final long INITIAL_BACKOFF_MS = 100;
    private static final Duration STOP_GRACE = Duration.ofSeconds(35);

    private final SimulatorOptions options;
    private final SimulatorTokens tokens;
    private final PlantWorld world;
    private final SimulatorCounters counters = new SimulatorCounters();
    private final List<SiteLine> lines = new ArrayList<>();
    private final StockLedger ledger = new StockLedger();
    private final DeclarationPlanner planner;
    private final IngestClient client;
    private final SplittableRandom random;
    private final SimulationClock clock;
    private volatile boolean stopping;
    private Thread thread;

    /** A simulator of {@code options.sites()} sites posting to {@code options.url()} with these tokens, on the wall clock. */
    public PlantSimulator(SimulatorOptions options, SimulatorTokens tokens) {
        this(options, tokens, SimulationClock.wall());
    }

    /** A simulator of {@code options.sites()} sites posting to {@code options.url()} with these tokens, following {@code clock}. */
    public PlantSimulator(SimulatorOptions options, SimulatorTokens tokens, SimulationClock clock) {
        this.options = options;
        this.tokens = tokens;
        this.clock = clock;
        this.world = PlantWorld.of(options, clock.today());
        this.random = new SplittableRandom(options.seed());
        GradeCatalogue catalogue = GradeCatalogue.get();
        FrameRenderer renderer = new FrameRenderer(catalogue);
        for (PlantSite site : world.sites()) {
            long lineSeed = random.nextLong();
            if (tokens.plant(site.siteId()).isPresent()) {
                lines.add(new SiteLine(site, lineSeed, options.runTag(), options.frameRate(), catalogue, renderer));
            } else {
                LOG.warn("no plant token for site {}: not simulated", site.siteId());
            }
        }
        this.planner = new DeclarationPlanner(world, ledger, new DeclarationHistory(), catalogue, options);
        this.client = new IngestClient(options.url(), counters, () -> stopping, GIVE_UP_AFTER, INITIAL_BACKOFF_MS);
    }

    /** The simulated world (sites, regions, types). */
    public PlantWorld world() {
        return world;
    }

    /** What was sent and acknowledged so far. */
    public SimulatorCounters.Snapshot counters() {
        return counters.snapshot();
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "plant-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        stopping = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null || running == Thread.currentThread()) {
            return;
        }
        try {
            running.join(STOP_GRACE.toMillis());
            if (running.isAlive()) {
                running.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean ready() {
        Thread running;
        synchronized (this) {
            running = thread;
        }
        return running != null && running.isAlive() && !stopping;
    }

    /** Waits for the run to end (duration over or stopped); true if it ended within {@code timeout}. */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            return true;
        }
        running.join(timeout.toMillis());
        return !running.isAlive();
    }

    private void run() {
        ExecutorService senders = Executors.newFixedThreadPool(Math.max(1, Math.min(lines.size(), MAX_SENDERS)), runnable -> {
            Thread sender = new Thread(runnable, "plant-simulator-sender");
            sender.setDaemon(true);
            return sender;
        });
        try (GroundTruthWriter truth = options.groundTruth() == null ? null : new GroundTruthWriter(options.groundTruth())) {
            registerSites();
            long start = clock.nanos();
            long last = start;
            // The first lots reach a pipeline that is still warming up (model loading, rebalances):
            // declaring them at once would judge them against half-graded intake.
            long nextDeclaration = start + Math.max(DECLARE_EVERY.toNanos(), options.lotSettle().toNanos() * WARM_UP_SETTLES);
            double budget = 0;
            while (!stopping && !expired(start)) {
                long now = clock.nanos();
                // Sending slower than the rate makes the next batches bigger instead of falling behind.
                budget = Math.min(budget + options.rate() * (now - last) / 1e9, options.rate() * 5);
                last = now;
                int count = (int) budget;
                budget -= count;
                emit(count, senders);
                if (now >= nextDeclaration) {
                    declare(truth);
                    nextDeclaration = now + DECLARE_EVERY.toNanos();
                }
                clock.pause(last + TICK.toNanos() - clock.nanos());
            }
        } catch (IOException e) {
            LOG.warn("cannot close the ground truth file", e);
        } catch (RuntimeException e) {
            LOG.error("plant simulator failed", e);
        } finally {
            senders.shutdownNow();
            LOG.info("plant simulator finished: {}", counters.snapshot());
        }
    }

    private boolean expired(long startNanos) {
        return !options.duration().isZero() && clock.nanos() - startNanos >= options.duration().toNanos();
    }

    private void registerSites() {
        Optional<String> regulator = tokens.regulator();
        if (regulator.isEmpty()) {
            LOG.warn("no regulator token: sites are not registered and nothing is declared");
            return;
        }
        for (PlantSite site : world.sites()) {
            if (site.registered() && !stopping) {
                IngestReply reply = client.putSite(regulator.get(), site.siteId(), ContractJson.of(site.site()).toString());
                if (reply.ok()) {
                    counters.sitesRegistered.incrementAndGet();
                }
            }
        }
    }

    private void emit(int count, ExecutorService senders) {
        if (lines.isEmpty() || count == 0) {
            return;
        }
        Map<SiteLine, List<EmittedReading>> batches = new LinkedHashMap<>();
        Instant now = clock.now();
        for (int i = 0; i < count; i++) {
            SiteLine line = lines.get(random.nextInt(lines.size()));
            List<EmittedReading> batch = batches.computeIfAbsent(line, l -> new ArrayList<>());
            if (batch.size() < MAX_BATCH) {
                EmittedReading emitted = line.next(now);
                ledger.track(emitted.lot());
                batch.add(emitted);
            }
        }
        // Sites post in parallel, as real plants do, unless the run must be reproducible; the books are kept on this thread only.
        List<CompletableFuture<SentBatch>> sent = new ArrayList<>();
        batches.forEach((line, batch) -> sent.add(clock.simulated() ? CompletableFuture.completedFuture(send(line, batch))
                : CompletableFuture.supplyAsync(() -> send(line, batch), senders)));
        for (CompletableFuture<SentBatch> future : sent) {
            book(future.join());
        }
    }

    /** A batch as posted (frameIds dropped where the frame was refused) and ingest's answer. */
    private record SentBatch(List<EmittedReading> batch, List<Reading> readings, IngestReply reply) {
    }

    private SentBatch send(SiteLine line, List<EmittedReading> batch) {
        String token = tokens.plant(line.site().siteId()).orElseThrow();
        List<Reading> readings = new ArrayList<>(batch.size());
        for (EmittedReading emitted : batch) {
            readings.add(emitted.frame() == null ? emitted.reading() : withFrame(token, emitted));
        }
        counters.readingsSent.addAndGet(readings.size());
        return new SentBatch(batch, readings, client.postReadings(token, ContractJson.ndjson(readings)));
    }

    private void book(SentBatch sent) {
        Instant now = clock.now();
        for (int i = 0; i < sent.batch().size(); i++) {
            boolean accepted = sent.reply().ok() && !sent.reply().rejectedIndexes().contains(i);
            if (accepted) {
                counters.readingsAccepted.incrementAndGet();
            }
            ledger.answered(sent.batch().get(i).lot(), sent.readings().get(i).getMassKg(), accepted, now);
        }
    }

    /** Posts the frame first; the reading keeps its frameId only if the frame was accepted. */
    private Reading withFrame(String token, EmittedReading emitted) {
        counters.framesSent.incrementAndGet();
        IngestReply reply = client.postFrame(token, Frames.toContractJson(emitted.frame()).toString());
        if (reply.ok() && reply.accepted() > 0 && reply.rejectedIndexes().isEmpty()) {
            counters.framesAccepted.incrementAndGet();
            return emitted.reading();
        }
        return Reading.newBuilder(emitted.reading()).setFrameId(null).build();
    }

    private void declare(GroundTruthWriter truth) {
        Optional<String> regulator = tokens.regulator();
        if (regulator.isEmpty()) {
            return;
        }
        for (int i = 0; i < MAX_DECLARATIONS_PER_ROUND && !stopping; i++) {
            Optional<PlannedDeclaration> next = planner.next(clock.now());
            if (next.isEmpty()) {
                return;
            }
            PlannedDeclaration planned = next.get();
            counters.declarationsSent.incrementAndGet();
            IngestReply reply = client.postExport(regulator.get(), ContractJson.of(planned.declaration()).toString());
            if (!reply.ok() || reply.accepted() < 1 || !reply.rejectedIndexes().isEmpty()) {
                // Leave the lots unclaimed; the planner tries again next round.
                return;
            }
            planner.accepted(planned, clock.now());
            counters.declarationsAccepted.incrementAndGet();
            if (!planned.expected().isEmpty()) {
                counters.anomaliesPlanted.incrementAndGet();
            }
            if (truth != null) {
                truth.write(planned);
            }
        }
    }
}
