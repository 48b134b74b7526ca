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
import io.scraptrace.simulator.plant.SimulationClock;
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
import java.time.Instant;
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
 * {@link RecordingIngest} on a simulated clock (so a seed gives the same set every time), the
 * readings ingest accepted are graded by the sorter's {@link Grader} with the shipped default
 * models (frames fused as the sorter fuses them), and the alert topology gets the bundled consents,
 * then sites, graded readings and declarations in the order ingest accepted them, each declaration
 * labelled with the codes the simulator planted in it. The simulator cannot know how surely its
 * lots will be graded, so the set's labels go through the evidence gate when evaluated.
 */
public final class SimulatedScenarios {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Most readings graded in one model call, as the sorter's micro-batches. */
    private static final int GRADE_BATCH = 500;
    /** Most a simulated run may take on the wall clock, beside its simulated duration (it is usually much faster). */
    private static final Duration STOP_WAIT = Duration.ofMinutes(5);
    /** Where the simulated clock starts: fixed, so timestamps and the licence dates judged against them are the same on every run. */
    private static final Instant SIMULATED_START = Instant.parse("2026-06-01T09:00:00Z");

    /**
     * How the simulator runs for the evaluation.
     *
     * @param duration    how long it runs, in simulated time
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
        SimulationClock clock = SimulationClock.simulated(SIMULATED_START);
        try (RecordingIngest ingest = new RecordingIngest(clock::now)) {
            SimulatorOptions options = run.options(ingest.url(), truthFile);
            PlantWorld world = PlantWorld.of(options, clock.today());
            PlantSimulator simulator = new PlantSimulator(options, SimulatorTokens.fromPrincipals(SimulatorTokens.generate(world.siteIds())),
                    clock);
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
        return graded(name, withConsents, declaration -> labelled(declaration, truth), true);
    }

    /**
     * The scenario set of records as ingest accepted them, in order: readings graded by the sorter's
     * {@link Grader} with the default models (frames fused), each declaration labelled by
     * {@code labelling}, sites and consents passed on as they are; {@code labelsBlindToGrading} when
     * the labels were set without knowing how surely the lots would be graded (see {@link ScenarioSet}).
     */
    static ScenarioSet graded(String name, List<Object> recorded, Function<ExportDeclaration, LabelledDeclaration> labelling,
                              boolean labelsBlindToGrading) {
        List<Object> events = new ArrayList<>();
        try (ModelSet models = ModelRepository.loadDefault();
             Grader grader = new Grader(models, new GradeDecider(GradeDecider.DEFAULT_THRESHOLD, GradeCatalogue.get()))) {
            MicroBatch batch = new MicroBatch(grader, events);
            for (Object record : recorded) {
                if (record instanceof Reading reading) {
                    batch.add(reading);
                } else if (record instanceof Frame frame) {
                    // A frame arrives before its reading and only matters to it: it waits for the readings' batch.
                    batch.add(frame);
                } else {
                    // Graded intake reaches the alerts before whatever ingest accepted after it.
                    batch.grade();
                    events.add(record instanceof ExportDeclaration declaration ? labelling.apply(declaration) : record);
                }
            }
            batch.grade();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the default grading models", e);
        }
        return new ScenarioSet(name, events, labelsBlindToGrading);
    }

    /**
     * Readings and frames waiting to be graded together, as the sorter's micro-batches: the frames
     * scored in one model call, then the readings in another, fused with their frames' scores.
     */
    private static final class MicroBatch {
        private final Grader grader;
        private final List<Object> events;
        private final Map<String, float[]> frameScores = new HashMap<>();
        private final List<Frame> frames = new ArrayList<>();
        private final List<Reading> readings = new ArrayList<>();

        MicroBatch(Grader grader, List<Object> events) {
            this.grader = grader;
            this.events = events;
        }

        void add(Frame frame) {
            if (grader.usesFrames()) {
                frames.add(frame);
            }
        }

        void add(Reading reading) {
            readings.add(reading);
            if (readings.size() == GRADE_BATCH) {
                grade();
            }
        }

        /** Grades what waits; readings the sorter cannot score are left out, as it dead-letters them. */
        void grade() {
            if (!frames.isEmpty()) {
                List<byte[]> images = frames.stream().map(frame -> {
                    byte[] image = new byte[frame.getImage().remaining()];
                    frame.getImage().duplicate().get(image);
                    return image;
                }).toList();
                List<Outcome<float[]>> scored = grader.scoreFrames(images);
                for (int i = 0; i < frames.size(); i++) {
                    if (scored.get(i).ok()) {
                        frameScores.put(frames.get(i).getEventId(), scored.get(i).value());
                    }
                }
                frames.clear();
            }
            if (readings.isEmpty()) {
                return;
            }
            // The sorter stamps gradedAt with its clock; ingest's receipt time is the closest offline equivalent.
            for (Outcome<GradedReading> outcome : grader.grade(readings, frameScores::get, readings.get(readings.size() - 1).getReceivedAt())) {
                if (outcome.ok()) {
                    events.add(outcome.value());
                }
            }
            readings.clear();
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
