package io.scraptrace.streams.alerts.evaluation;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.BaselConsent;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Site;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.streams.alerts.AlertSettings;
import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.process.AlertAssembler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs a {@link ScenarioSet} through the alert topology (the production processors and state
 * under an {@link AlertsDriver}) and scores the codes raised against the expected ones, per code.
 * Declarations whose lots never arrive are judged once the configured lot wait has run out. Labels
 * set blind to the grading are first passed through the {@link EvidenceGate} at the configured
 * {@code alerts.evidence.min.graded.share}.
 */
public final class AlertEvaluation {
    /** The goal of precision and recall per code. */
    public static final double GOAL = 0.97;
    /** Pause after each batch of readings, so the buffered graded intake reaches the site ledgers as it would live. */
    private static final Duration INTAKE_FLUSH = Duration.ofSeconds(2);

    private final Map<String, String> config;

    /** @param config alert settings ({@code alerts.*}); defaults for what it leaves out */
    public AlertEvaluation(Map<String, String> config) {
        this.config = Map.copyOf(config);
    }

    /** Judges every declaration of {@code set} and scores the outcome. */
    public EvaluationReport evaluate(ScenarioSet set, Path stateDir) {
        AlertSettings settings = AlertSettings.from(ScrapTraceConfig.of(config));
        EvidenceGate gate = new EvidenceGate(settings.minGradedShare());
        Map<String, Set<String>> raised = new LinkedHashMap<>();
        try (AlertsDriver driver = new AlertsDriver(stateDir, config, Instant.parse("2026-06-01T12:00:00Z"))) {
            boolean readingsSinceFlush = false;
            for (Object event : set.events()) {
                if (event instanceof GradedReading reading) {
                    driver.graded(reading);
                    readingsSinceFlush = true;
                    continue;
                }
                if (readingsSinceFlush) {
                    driver.advanceWallClock(INTAKE_FLUSH);
                    readingsSinceFlush = false;
                }
                if (event instanceof Site site) {
                    driver.site(site);
                } else if (event instanceof BaselConsent consent) {
                    driver.consent(consent.getConsentId(), consent);
                } else if (event instanceof LabelledDeclaration labelled) {
                    driver.declare(labelled.declaration());
                } else {
                    throw new IllegalArgumentException("not a scenario event: " + event);
                }
            }
            // Whatever still waits for lots is judged when the wait runs out, as it would be live.
            driver.advanceWallClock(settings.lotWait().plus(settings.lotWaitCheckInterval()).plus(INTAKE_FLUSH));
            for (LabelledDeclaration labelled : set.declarations()) {
                String id = labelled.declaration().getDeclarationId();
                raised.put(id, codes(driver.latest(id)));
            }
        }
        return score(set, expectations(set, gate), raised, set.labelsBlindToGrading() ? Optional.of(gate) : Optional.empty());
    }

    private static Set<String> codes(Optional<Alert> alert) {
        if (alert.isEmpty() || !AlertAssembler.JUDGED.equals(alert.get().getStatus())) {
            // Never judged: reported as its own outcome so it cannot pass for a clean verdict.
            return Set.of(alert.isEmpty() ? "NO_ALERT" : "NOT_JUDGED");
        }
        return alert.get().getReasons().stream().map(AlertReason::getCode).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Scores what each declaration raised ({@code raised}: declarationId -> codes) against its labels as they are. */
    static EvaluationReport score(ScenarioSet set, Map<String, Set<String>> raised) {
        Map<String, Expectation> expectations = new LinkedHashMap<>();
        set.declarations().forEach(d -> expectations.put(d.declaration().getDeclarationId(), Expectation.asLabelled(d)));
        return score(set, expectations, raised, Optional.empty());
    }

    /**
     * What each declaration should raise: its labels, with the evidence gate applied when they were
     * set blind to the grading.
     */
    static Map<String, Expectation> expectations(ScenarioSet set, EvidenceGate gate) {
        Map<String, Double> shares = set.labelsBlindToGrading() ? EvidenceGate.gradedShares(set) : Map.of();
        Map<String, Expectation> expectations = new LinkedHashMap<>();
        for (LabelledDeclaration labelled : set.declarations()) {
            String id = labelled.declaration().getDeclarationId();
            expectations.put(id, set.labelsBlindToGrading() ? gate.expectation(labelled, shares.get(id)) : Expectation.asLabelled(labelled));
        }
        return expectations;
    }

    /** Scores {@code raised} against {@code expectations}; {@code gate} when the evidence gate shaped them. */
    static EvaluationReport score(ScenarioSet set, Map<String, Expectation> expectations, Map<String, Set<String>> raised,
                                  Optional<EvidenceGate> gate) {
        List<CodeScore> scores = new ArrayList<>();
        for (AlertCode code : AlertCode.values()) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (LabelledDeclaration labelled : set.declarations()) {
                String id = labelled.declaration().getDeclarationId();
                Expectation expectation = expectations.get(id);
                if (!expectation.scores(code.name())) {
                    continue;
                }
                boolean expected = expectation.expected().contains(code.name());
                boolean got = raised.get(id).contains(code.name());
                tp += expected && got ? 1 : 0;
                fp += !expected && got ? 1 : 0;
                fn += expected && !got ? 1 : 0;
            }
            scores.add(new CodeScore(code.name(), tp, fp, fn));
        }
        List<String> mismatches = new ArrayList<>();
        for (LabelledDeclaration labelled : set.declarations()) {
            String id = labelled.declaration().getDeclarationId();
            Expectation expectation = expectations.get(id);
            Set<String> got = new TreeSet<>(raised.get(id));
            if (!expectation.scores(EvidenceGate.INSPECT)) {
                got.remove(EvidenceGate.INSPECT);
            }
            if (!got.equals(expectation.expected())) {
                String share = Double.isNaN(expectation.gradedShare()) ? ""
                        : String.format(Locale.ROOT, ", graded share %.3f", expectation.gradedShare());
                mismatches.add(id + ": expected " + expectation.expected() + ", raised " + raised.get(id)
                        + " (" + labelled.source() + share + ")");
            }
        }
        return new EvaluationReport(set.name(), set.declarations().size(), scores, mismatches,
                gate.map(g -> gateReport(g, expectations, raised)));
    }

    private static GateReport gateReport(EvidenceGate gate, Map<String, Expectation> expectations, Map<String, Set<String>> raised) {
        Map<String, List<String>> held = new TreeMap<>();
        int below = 0;
        int optional = 0;
        List<String> optionalInspect = new ArrayList<>();
        for (Map.Entry<String, Expectation> entry : expectations.entrySet()) {
            Expectation expectation = entry.getValue();
            below += expectation.gradedShare() < gate.minGradedShare() ? 1 : 0;
            expectation.held().forEach(code -> held.computeIfAbsent(code, c -> new ArrayList<>()).add(entry.getKey()));
            if (!expectation.scores(EvidenceGate.INSPECT)) {
                optional++;
                if (raised.get(entry.getKey()).contains(EvidenceGate.INSPECT)) {
                    optionalInspect.add(entry.getKey());
                }
            }
        }
        return new GateReport(gate.minGradedShare(), below, held, optional, optionalInspect);
    }
}
