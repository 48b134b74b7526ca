package io.scraptrace.streams.alerts.process;

import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.DeclarationCase;
import io.scraptrace.streams.alerts.model.IntakeDelta;
import io.scraptrace.streams.alerts.model.LotAnswer;
import io.scraptrace.streams.alerts.model.PendingLots;
import io.scraptrace.streams.alerts.model.SiteEvent;
import io.scraptrace.streams.alerts.model.Verdict;
import io.scraptrace.streams.alerts.rules.SiteChecks;
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
 * Keyed by siteId: the site's graded intake and declared exports by material, and a case file per
 * declaration from the site. A declaration is decided when all its lots are answered; one whose
 * lots are not all graded waits (wall clock) up to the configured lot wait, after which the
 * missing lots count as never graded. A decided declaration is re-checked whenever a newer lot
 * answer arrives, and its LOTS verdict is sent on (keyed by destination, for the consent check)
 * only when it changed. While a declaration waits, the lots it still misses and when it will be
 * judged are reported on the same timer, at most once a check interval and only when they changed,
 * so a declaration of thousands of lots costs one report a second, not one per lot.
 */
public final class SiteLedger implements Processor<String, SiteEvent, String, Verdict> {
    /** declarationId -> {@link DeclarationCase}. */
    public static final String CASES_STORE = "alerts-declaration-cases";
    /** declarationId -> wall-clock millis it started waiting for lots, for undecided declarations only. */
    public static final String WAITING_STORE = "alerts-waiting-declarations";
    /** declarationId -> 1 for waiting declarations whose lots changed since their last report. */
    public static final String UNREPORTED_STORE = "alerts-unreported-waits";
    /** siteId|material -> graded intake kg. */
    public static final String INTAKE_STORE = "alerts-site-intake";
    /** siteId|material -> kg declared for export. */
    public static final String EXPORTED_STORE = "alerts-site-exported";

    private final SiteChecks checks;
    private final Duration lotWait;
    private final Duration checkInterval;
    private ProcessorContext<String, Verdict> context;
    private KeyValueStore<String, DeclarationCase> cases;
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
        cases = context.getStateStore(CASES_STORE);
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
        DeclarationCase known = cases.get(declaration.declarationId());
        DeclarationCase current = known == null ? DeclarationCase.empty() : known;
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
        advance(current.withDeclaration(declaration, exportedBefore), timestamp);
    }

    private void onAnswer(LotAnswer answer, long timestamp) {
        DeclarationCase known = cases.get(answer.declarationId());
        DeclarationCase current = (known == null ? DeclarationCase.empty() : known).withAnswer(answer);
        if (current.declaration() == null) {
            // The answer overtook its declaration on the way here: keep it until the declaration arrives.
            cases.put(answer.declarationId(), current);
            return;
        }
        advance(current, timestamp);
    }

    private void advance(DeclarationCase current, long timestamp) {
        String id = current.declaration().declarationId();
        if (current.decided() || current.allLotsAnswered()) {
            decide(current, timestamp);
            return;
        }
        if (waiting.get(id) == null) {
            waiting.put(id, context.currentSystemTimeMs());
        }
        unreported.put(id, 1L);
        cases.put(id, current);
    }

    private void decide(DeclarationCase current, long timestamp) {
        Declaration declaration = current.declaration();
        Verdict verdict = checks.evaluate(current, valueOf(intake, exportKey(declaration)));
        waiting.delete(declaration.declarationId());
        unreported.delete(declaration.declarationId());
        if (!verdict.equals(current.lastVerdict())) {
            context.forward(new Record<>(declaration.destination(), verdict, timestamp));
        }
        cases.put(declaration.declarationId(), current.decidedAs(verdict));
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
        expired.forEach(id -> decide(cases.get(id), now));
    }

    private void reportWaits(long now) {
        List<String> changed = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = unreported.all()) {
            it.forEachRemaining(entry -> changed.add(entry.key));
        }
        for (String id : changed) {
            unreported.delete(id);
            Long since = waiting.get(id);
            DeclarationCase waitingCase = cases.get(id);
            if (since == null || waitingCase == null || waitingCase.decided()) {
                continue;
            }
            Declaration declaration = waitingCase.declaration();
            List<String> missing = declaration.lotIds().stream().distinct().filter(lot -> !waitingCase.answers().containsKey(lot)).toList();
            PendingLots pending = new PendingLots(missing.subList(0, Math.min(PendingLots.LISTED, missing.size())), missing.size(),
                    since + lotWait.toMillis());
            context.forward(new Record<>(declaration.destination(), Verdict.waiting(declaration, pending), now));
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
