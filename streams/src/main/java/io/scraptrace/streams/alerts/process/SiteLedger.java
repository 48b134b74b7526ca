package io.scraptrace.streams.alerts.process;

import io.scraptrace.avro.Material;
import io.scraptrace.streams.alerts.model.AnswerTally;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.DeclarationHeader;
import io.scraptrace.streams.alerts.model.DeclaredLot;
import io.scraptrace.streams.alerts.model.IntakeDelta;
import io.scraptrace.streams.alerts.model.LotAnswer;
import io.scraptrace.streams.alerts.model.PendingLots;
import io.scraptrace.streams.alerts.model.SiteEvent;
import io.scraptrace.streams.alerts.model.Verdict;
import io.scraptrace.streams.alerts.rules.SiteChecks;
import io.scraptrace.streams.serde.JsonSerde;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by siteId: the site's graded intake and declared exports by material, and a file per
 * declaration from the site. A declaration is decided when all its lots are answered; one whose
 * lots are not all graded waits (wall clock) up to the configured lot wait, after which the
 * missing lots count as never graded. A decided declaration is re-checked whenever a newer lot
 * answer arrives, and its LOTS verdict is sent on (keyed by destination, for the consent check)
 * only when it changed. While a declaration waits, the lots it still misses and when it will be
 * judged are reported on the same timer, at most once a check interval and only when they changed,
 * so a declaration of thousands of lots costs one report a second, not one per lot.
 * <p>
 * A declaration's file is split so that a lot answer costs the same however many lots it lists: a
 * small header (the declaration without its lots, counters, the answers summed), one entry per
 * lot (listed or not, latest answer), and the lot list, written once per declaration. An answer
 * rewrites its lot's entry and the header only; the lot list and the entries are read when a rule
 * must name lots, or to report which are missing.
 */
public final class SiteLedger implements Processor<String, SiteEvent, String, Verdict> {
    /** declarationId -> {@link DeclarationHeader}. */
    public static final String HEADERS_STORE = "alerts-declaration-headers";
    /** declarationId -> its lot ids as declared. */
    public static final String LOT_LISTS_STORE = "alerts-declaration-lot-lists";
    /** declarationId and lotId -> {@link DeclaredLot}. */
    public static final String DECLARED_LOTS_STORE = "alerts-declared-lots";
    /** declarationId -> wall-clock millis it started waiting for lots, for undecided declarations only. */
    public static final String WAITING_STORE = "alerts-waiting-declarations";
    /** declarationId -> 1 for waiting declarations whose lots changed since their last report. */
    public static final String UNREPORTED_STORE = "alerts-unreported-waits";
    /** siteId|material -> graded intake kg. */
    public static final String INTAKE_STORE = "alerts-site-intake";
    /** siteId|material -> kg declared for export. */
    public static final String EXPORTED_STORE = "alerts-site-exported";

    private static final JsonSerde<Verdict> VERDICT_JSON = new JsonSerde<>(Verdict.class);

    private final SiteChecks checks;
    private final Duration lotWait;
    private final Duration checkInterval;
    private ProcessorContext<String, Verdict> context;
    private KeyValueStore<String, DeclarationHeader> headers;
    private KeyValueStore<String, List<String>> lotLists;
    private KeyValueStore<String, DeclaredLot> declaredLots;
    private KeyValueStore<String, Long> waiting;
    private KeyValueStore<String, Long> unreported;
    private KeyValueStore<String, Double> intake;
    private KeyValueStore<String, Double> exported;

    public SiteLedger(SiteChecks checks, Duration lotWait, Duration checkInterval) {
        this.checks = checks;
        this.lotWait = lotWait;
        this.checkInterval = checkInterval;
    }

    @Override
    public void init(ProcessorContext<String, Verdict> context) {
        this.context = context;
        headers = context.getStateStore(HEADERS_STORE);
        lotLists = context.getStateStore(LOT_LISTS_STORE);
        declaredLots = context.getStateStore(DECLARED_LOTS_STORE);
        waiting = context.getStateStore(WAITING_STORE);
        unreported = context.getStateStore(UNREPORTED_STORE);
        intake = context.getStateStore(INTAKE_STORE);
        exported = context.getStateStore(EXPORTED_STORE);
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, now -> {
            decideExpiredWaits(now);
            reportWaits(now);
        });
    }

    @Override
    public void process(Record<String, SiteEvent> record) {
        SiteEvent event = record.value();
        if (event.intake() != null) {
            IntakeDelta delta = event.intake();
            add(intake, record.key() + '|' + delta.material(), delta.kg());
        } else if (event.declaration() != null) {
            onDeclaration(event.declaration(), record.timestamp());
        } else {
            onAnswer(event.answer(), record.timestamp());
        }
    }

    private void onDeclaration(Declaration declaration, long timestamp) {
        String id = declaration.declarationId();
        DeclarationHeader known = headers.get(id);
        DeclarationHeader current = known == null ? DeclarationHeader.empty() : known;
        Declaration previous = current.declaration();
        double exportedBefore;
        if (previous == null) {
            exportedBefore = valueOf(exported, exportKey(declaration));
        } else {
            // A re-sent declaration replaces its own contribution; what came before it stays.
            add(exported, exportKey(previous), -previous.massKg());
            exportedBefore = current.exportedBeforeKg();
        }
        add(exported, exportKey(declaration), declaration.massKg());
        List<String> lots = declaration.lotIds().stream().distinct().toList();
        if (previous != null) {
            unlistDropped(id, lots);
        }
        // Once per declaration: mark every listed lot, and count those answered before it arrived.
        int answered = 0;
        int atFault = 0;
        for (String lot : lots) {
            String key = StoredLots.key(id, lot);
            DeclaredLot entry = declaredLots.get(key);
            if (entry == null) {
                declaredLots.put(key, DeclaredLot.UNANSWERED);
                continue;
            }
            if (!entry.declared()) {
                declaredLots.put(key, entry.listed(true));
            }
            if (entry.answer() != null) {
                answered++;
            }
            if (DeclarationHeader.atFault(entry.answer(), declaration)) {
                atFault++;
            }
        }
        lotLists.put(id, declaration.lotIds());
        advance(current.withDeclaration(declaration, lots.size(), answered, atFault, exportedBefore), timestamp);
    }

    /** Lots a re-sent declaration no longer lists stop counting towards it (their answers stay in its sums, as before). */
    private void unlistDropped(String id, List<String> lots) {
        List<String> before = lotLists.get(id);
        if (before == null) {
            return;
        }
        Set<String> kept = new HashSet<>(lots);
        for (String lot : new LinkedHashSet<>(before)) {
            if (kept.contains(lot)) {
                continue;
            }
            String key = StoredLots.key(id, lot);
            DeclaredLot entry = declaredLots.get(key);
            if (entry != null && entry.answer() == null) {
                declaredLots.delete(key);
            } else if (entry != null) {
                declaredLots.put(key, entry.listed(false));
            }
        }
    }

    private void onAnswer(LotAnswer answer, long timestamp) {
        String id = answer.declarationId();
        DeclarationHeader known = headers.get(id);
        DeclarationHeader current = known == null ? DeclarationHeader.empty() : known;
        String key = StoredLots.key(id, answer.lotId());
        DeclaredLot entry = declaredLots.get(key);
        LotAnswer previous = entry == null ? null : entry.answer();
        boolean listed = entry != null && entry.declared();
        declaredLots.put(key, new DeclaredLot(listed, answer));
        AnswerTally tally = previous == null ? current.tally() : current.tally().minus(previous.facts());
        int answered = current.lotsAnswered();
        int atFault = current.lotsAtFault();
        if (listed) {
            // Only a declaration that arrived marks its lots listed, so its header has it.
            Declaration declaration = current.declaration();
            answered += previous == null ? 1 : 0;
            atFault += (DeclarationHeader.atFault(answer, declaration) ? 1 : 0) - (DeclarationHeader.atFault(previous, declaration) ? 1 : 0);
        }
        DeclarationHeader updated = current.withAnswers(tally.plus(answer.facts()), answered, atFault);
        if (updated.declaration() == null) {
            // The answer overtook its declaration on the way here: keep it until the declaration arrives.
            headers.put(id, updated);
            return;
        }
        advance(updated, timestamp);
    }

    private void advance(DeclarationHeader current, long timestamp) {
        String id = current.declaration().declarationId();
        if (current.decided() || current.allLotsAnswered()) {
            decide(id, current, timestamp);
            return;
        }
        if (waiting.get(id) == null) {
            waiting.put(id, context.currentSystemTimeMs());
        }
        unreported.put(id, 1L);
        headers.put(id, current);
    }

    private void decide(String id, DeclarationHeader current, long timestamp) {
        Declaration declaration = current.declaration();
        Verdict verdict = checks.evaluate(declaration, current.exportedBeforeKg(), current.tally(),
                new StoredLots(id, current, lotLists, declaredLots), valueOf(intake, exportKey(declaration)),
                valueOf(intake, declaration.siteId() + '|' + Material.UNKNOWN));
        waiting.delete(id);
        unreported.delete(id);
        String digest = digest(verdict);
        if (!digest.equals(current.lastVerdictDigest())) {
            context.forward(new Record<>(declaration.destination(), verdict, timestamp));
        }
        headers.put(id, current.decidedAs(digest));
    }

    /** A digest of everything the verdict says, so the header need not keep the verdict (whose reasons may list every lot). */
    private static String digest(Verdict verdict) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(VERDICT_JSON.serialize(null, verdict)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private void decideExpiredWaits(long now) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = waiting.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> entry = it.next();
                if (now - entry.value >= lotWait.toMillis()) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(id -> decide(id, headers.get(id), now));
    }

    private void reportWaits(long now) {
        List<String> changed = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = unreported.all()) {
            it.forEachRemaining(entry -> changed.add(entry.key));
        }
        for (String id : changed) {
            unreported.delete(id);
            Long since = waiting.get(id);
            DeclarationHeader header = headers.get(id);
            if (since == null || header == null || header.decided()) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            StoredLots lots = new StoredLots(id, header, lotLists, declaredLots);
            for (String lot : lots.distinct()) {
                if (missing.size() == PendingLots.LISTED) {
                    break;
                }
                if (lots.answer(lot) == null) {
                    missing.add(lot);
                }
            }
            PendingLots pending = new PendingLots(missing, header.lotsDeclared() - header.lotsAnswered(), since + lotWait.toMillis());
            context.forward(new Record<>(header.declaration().destination(), Verdict.waiting(header.declaration(), pending), now));
        }
    }

    private static String exportKey(Declaration declaration) {
        return declaration.siteId() + '|' + declaration.declaredMaterial();
    }

    private static double valueOf(KeyValueStore<String, Double> store, String key) {
        Double value = store.get(key);
        return value == null ? 0.0 : value;
    }

    private static void add(KeyValueStore<String, Double> store, String key, double kg) {
        store.put(key, valueOf(store, key) + kg);
    }
}
