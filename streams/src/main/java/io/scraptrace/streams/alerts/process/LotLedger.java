package io.scraptrace.streams.alerts.process;

import io.scraptrace.avro.Material;
import io.scraptrace.streams.alerts.model.IntakeDelta;
import io.scraptrace.streams.alerts.model.LotAnswer;
import io.scraptrace.streams.alerts.model.LotClaims;
import io.scraptrace.streams.alerts.model.LotEvent;
import io.scraptrace.streams.alerts.model.LotFacts;
import io.scraptrace.streams.alerts.model.LotRequest;
import io.scraptrace.streams.alerts.model.SiteEvent;
import io.scraptrace.streams.lots.LotReading;
import io.scraptrace.streams.lots.LotState;
import io.scraptrace.streams.lots.LotsTopology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by lotId, co-partitioned with the graded topic: reads each lot's state from the lot tracker
 * ({@link LotsTopology#STORE}, which folds the readings the lineage register let through), records
 * which declarations claimed it in arrival order, and answers
 * declarations about it - at once when it is graded, otherwise when its readings arrive, and again
 * on every further reading so the latest answer replaces the earlier.
 * <p>
 * It also forwards the graded intake per site and material to the site ledgers: each lot's whole
 * mass under its material (its dominant grade's), as the shared rule semantics define it. The intake is
 * buffered and sent on a timer rather than per reading, to keep one repartition record per reading
 * off the hot path; the buffer is flushed before any answer so a site ledger always sees the
 * intake of a lot before the answer about it.
 */
public final class LotLedger implements Processor<String, LotEvent, String, SiteEvent> {
    /** lotId -> {@link LotClaims}. */
    public static final String CLAIMS_STORE = "alerts-lot-claims";
    /** siteId|material -> kg graded and not yet sent to the site ledger. */
    public static final String INTAKE_BUFFER_STORE = "alerts-intake-buffer";

    private static final char SEPARATOR = '|';
    /** A lot re-booked to the same material nets to (almost) zero: not worth a record. */
    private static final double NEGLIGIBLE_KG = 1e-6;

    private final Duration flushInterval;
    private ProcessorContext<String, SiteEvent> context;
    private KeyValueStore<String, LotState> lots;
    private KeyValueStore<String, LotClaims> claims;
    private ClaimedLots claimed;
    private KeyValueStore<String, Double> intakeBuffer;

    public LotLedger(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    @Override
    public void init(ProcessorContext<String, SiteEvent> context) {
        this.context = context;
        lots = context.getStateStore(LotsTopology.STORE);
        claims = context.getStateStore(CLAIMS_STORE);
        claimed = new ClaimedLots(claims);
        intakeBuffer = context.getStateStore(INTAKE_BUFFER_STORE);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flushIntake(now));
    }

    @Override
    public void process(Record<String, LotEvent> record) {
        if (record.value().reading() != null) {
            onReading(record.value().reading(), record.timestamp());
        } else {
            onRequest(record.value().request(), record.timestamp());
        }
    }

    private void onReading(LotReading reading, long timestamp) {
        LotState before = reading.before();
        LotState lot = reading.lot();
        // A site's intake of a material is the whole mass of its lots of that material, so a lot is
        // re-booked when a reading changes its dominant material.
        Material was = before == null ? null : before.material();
        Material is = lot.material();
        if (was == is) {
            buffer(lot.siteId(), is, reading.reading().getMassKg());
        } else {
            if (before != null) {
                buffer(before.siteId(), was, -before.massKg());
            }
            buffer(lot.siteId(), is, lot.massKg());
        }
        LotClaims lotClaims = claimed.mayBeClaimed(lot.lotId()) ? claims.get(lot.lotId()) : null;
        if (lotClaims != null) {
            flushIntake(timestamp);
            LotFacts facts = LotFacts.of(lot);
            lotClaims.requesters().forEach(requester -> answer(requester, facts, lotClaims, timestamp));
        }
    }

    private void buffer(String siteId, Material material, double kg) {
        String key = siteId + SEPARATOR + material.name();
        Double buffered = intakeBuffer.get(key);
        intakeBuffer.put(key, (buffered == null ? 0.0 : buffered) + kg);
    }

    private void onRequest(LotRequest request, long timestamp) {
        LotClaims before = claims.get(request.lotId());
        LotClaims lotClaims = (before == null ? LotClaims.none() : before).with(request);
        claims.put(request.lotId(), lotClaims);
        claimed.add(request.lotId());
        LotState lot = lots.get(request.lotId());
        if (lot != null) {
            flushIntake(timestamp);
            answer(request, LotFacts.of(lot), lotClaims, timestamp);
        }
    }

    private void answer(LotRequest request, LotFacts facts, LotClaims lotClaims, long timestamp) {
        LotAnswer answer = new LotAnswer(request.declarationId(), request.lotId(), facts, lotClaims.claimant());
        context.forward(new Record<>(request.declaredSiteId(), SiteEvent.of(answer), timestamp));
    }

    private void flushIntake(long timestamp) {
        List<KeyValue<String, Double>> pending = new ArrayList<>();
        try (KeyValueIterator<String, Double> it = intakeBuffer.all()) {
            it.forEachRemaining(pending::add);
        }
        for (KeyValue<String, Double> entry : pending) {
            intakeBuffer.delete(entry.key);
            if (Math.abs(entry.value) < NEGLIGIBLE_KG) {
                continue;
            }
            int split = entry.key.lastIndexOf(SEPARATOR);
            IntakeDelta delta = new IntakeDelta(Material.valueOf(entry.key.substring(split + 1)), entry.value);
            context.forward(new Record<>(entry.key.substring(0, split), SiteEvent.of(delta), timestamp));
        }
    }
}
