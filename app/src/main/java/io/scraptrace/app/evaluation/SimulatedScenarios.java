package io.scraptrace.app.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Frame;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Reading;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.simulator.plant.PlantSimulator;
import io.scraptrace.simulator.plant.PlantWorld;
import io.scraptrace.simulator.plant.SimulatorOptions;
import io.scraptrace.simulator.plant.SimulatorTokens;
import io.scraptrace.sorter.grading.GradeDecider;
import io.scraptrace.sorter.grading.Grader;
import io.scraptrace.sorter.grading.Outcome;
import io.scraptrace.sorter.model.ModelRepository;
import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.streams.alerts.consents.ConsentsFile;
import io.scraptrace.streams.alerts.evaluation.LabelledDeclaration;
import io.scraptrace.streams.alerts.evaluation.ScenarioSet;
import io.scraptrace.streams.alerts.model.Consent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A scenario set from the plant simulator: it runs with anomalies and ground truth against a
 * {@link RecordingIngest}, the readings ingest accepted are graded by the sorter's {@link Grader}
 * with the shipped default models (frames fused as the sorter fuses them), and the alert topology
 * gets the bundled consents, then sites, graded readings and declarations in the order ingest
 * accepted them, each declaration labelled with the codes the simulator planted in it.
 */
public final class SimulatedScenarios {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Most readings graded in one model call, as the sorter's micro-batches. */
    private static final int GRADE_BATCH = 500;
    private static final Duration STOP_WAIT = Duration.ofSeconds(40);

    /**
     * How the simulator runs for the evaluation.
     *
     * @param duration    how long it runs (wall clock: the simulator has no simulated time)
     * @param seed        seed of the world and everything generated
     * @param sites       regular sites
     * @param rate        readings per second over all sites
     * @param anomalyRate share of declarations with a planted code
     */
    public record Run(Duration duration, long seed, int sites, double rate, double anomalyRate) {
        /** Simulator options posting to {@code url}, frames at the simulator's default rate. */
        SimulatorOptions options(URI url, Path groundTruth) {
            // Lots may be declared as soon as they are closed: grading happens after the run, before
            // any declaration is judged, so the live pipeline's settle time buys nothing here.
            return new SimulatorOptions(url, sites, rate, duration, true, anomalyRate, seed, groundTruth,
                    SimulatorOptions.DEFAULT_FRAME_RATE, Duration.ZERO, "s" + seed);
        }
    }

    private SimulatedScenarios() {
    }

    /** Runs the simulator as {@code run} says and returns its labelled scenario set. */
    public static ScenarioSet simulate(Run run, Path workDir) {
        Path truthFile = workDir.resolve("ground-truth.jsonl");
        List<Object> recorded;
        try (RecordingIngest ingest = new RecordingIngest()) {
            SimulatorOptions options = run.options(ingest.url(), truthFile);
            PlantWorld world = PlantWorld.of(options);
            PlantSimulator simulator = new PlantSimulator(options, SimulatorTokens.fromPrincipals(SimulatorTokens.generate(world.siteIds())));
            simulator.start();
            if (!simulator.awaitCompletion(run.duration().plus(STOP_WAIT))) {
                simulator.stop();
                throw new IllegalStateException("the simulator did not finish its " + run.duration() + " run");
            }
            recorded = ingest.accepted();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the recording ingest", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating", e);
        }
        String name = String.format(Locale.ROOT, "simulated plant (seed %d, %d sites, %.0f readings/s, %s, anomaly rate %.2f)",
                run.seed(), run.sites(), run.rate(), run.duration(), run.anomalyRate());
        List<Object> withConsents = new ArrayList<>();
        ConsentsFile.read(null).stream().map(Consent::toAvro).forEach(withConsents::add);
        withConsents.addAll(recorded);
        Map<String, JsonNode> truth = readTruth(truthFile);
        return graded(name, withConsents, declaration -> labelled(declaration, truth));
    }

    /**
     * The scenario set of records as ingest accepted them, in order: readings graded by the sorter's
     * {@link Grader} with the default models (frames fused), each declaration labelled by
     * {@code labelling}, sites and consents passed on as they are.
     */
    static ScenarioSet graded(String name, List<Object> recorded, Function<ExportDeclaration, LabelledDeclaration> labelling) {
        List<Object> events = new ArrayList<>();
        try (ModelSet models = ModelRepository.loadDefault();
             Grader grader = new Grader(models, new GradeDecider(GradeDecider.DEFAULT_THRESHOLD, GradeCatalogue.get()))) {
            Map<String, float[]> frames = new HashMap<>();
            List<Reading> ungraded = new ArrayList<>();
            for (Object record : recorded) {
                if (record instanceof Reading reading) {
                    ungraded.add(reading);
                    if (ungraded.size() == GRADE_BATCH) {
                        grade(grader, ungraded, frames, events);
                    }
                    continue;
                }
                grade(grader, ungraded, frames, events);
                if (record instanceof Frame frame) {
                    scoreFrame(grader, frame, frames);
                } else if (record instanceof ExportDeclaration declaration) {
                    events.add(labelling.apply(declaration));
                } else {
                    events.add(record);
                }
            }
            grade(grader, ungraded, frames, events);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the default grading models", e);
        }
        return new ScenarioSet(name, events);
    }

    /** Grades the pending readings as one micro-batch; readings the sorter cannot score are left out, as it dead-letters them. */
    private static void grade(Grader grader, List<Reading> ungraded, Map<String, float[]> frames, List<Object> events) {
        if (ungraded.isEmpty()) {
            return;
        }
        // The sorter stamps gradedAt with its clock; ingest's receipt time is the closest offline equivalent.
        for (Outcome<GradedReading> outcome : grader.grade(ungraded, frames::get, ungraded.get(ungraded.size() - 1).getReceivedAt())) {
            if (outcome.ok()) {
                events.add(outcome.value());
            }
        }
        ungraded.clear();
    }

    private static void scoreFrame(Grader grader, Frame frame, Map<String, float[]> frames) {
        if (!grader.usesFrames()) {
            return;
        }
        byte[] image = new byte[frame.getImage().remaining()];
        frame.getImage().duplicate().get(image);
        Outcome<float[]> scored = grader.scoreFrames(List.of(image)).get(0);
        if (scored.ok()) {
            frames.put(frame.getEventId(), scored.value());
        }
    }

    private static LabelledDeclaration labelled(ExportDeclaration declaration, Map<String, JsonNode> truth) {
        JsonNode line = truth.get(declaration.getDeclarationId());
        if (line == null) {
            throw new IllegalStateException("no ground truth for accepted declaration " + declaration.getDeclarationId());
        }
        Set<String> expected = codes(line.path("expectedCodes"));
        Set<String> nearMiss = codes(line.path("nearMiss"));
        String source = (expected.isEmpty() ? "clean" : "planted " + expected) + (nearMiss.isEmpty() ? "" : ", near miss " + nearMiss);
        return new LabelledDeclaration(declaration, expected, source);
    }

    private static Set<String> codes(JsonNode array) {
        Set<String> codes = new HashSet<>();
        array.forEach(code -> codes.add(code.asText()));
        return codes;
    }

    private static Map<String, JsonNode> readTruth(Path file) {
        Map<String, JsonNode> truth = new HashMap<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        JsonNode node = MAPPER.readTree(line);
                        truth.put(node.path("declarationId").asText(), node);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ground truth " + file, e);
        }
        return truth;
    }
}
