package io.scraptrace.specimens;

import io.scraptrace.avro.Material;
import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates labelled readings whose measurements follow the grade catalogue: true properties
 * drawn around each grade's typical values, a sensor picked by material, sensor noise, and at
 * configured rates contaminated or mislabelled pieces. The same seed and calls give the same
 * pieces. Not thread-safe: use one generator per thread.
 *
 * <p>Readings carry placeholder origin fields (site {@value #SITE}, a station of the sensor's
 * fleet such as {@code XRF-2}, lot {@value #LOT}, timestamps one second apart from 2026-01-01) that callers simulating a
 * plant replace.
 */
public final class PieceGenerator {
    /** Site id of generated readings. */
    public static final String SITE = "S-SIM-00";
    /** Lot id of generated readings. */
    public static final String LOT = "L-SIM";
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final GradeCatalogue catalogue;
    private final List<Grade> grades;
    private final GradeNeighbours neighbours;
    private final CorruptionRates rates;
    private final SensorMix sensors;
    private final SensorRealism realism;
    private final Map<Sensor, Station[]> stations = new EnumMap<>(Sensor.class);
    private final SplittableRandom random;
    private long count;

    /** A generator over the shipped catalogue, with realistic stations. */
    public PieceGenerator(long seed, CorruptionRates rates, SensorMix sensors) {
        this(GradeCatalogue.get(), seed, rates, sensors, SensorRealism.REALISTIC);
    }

    /** A generator over the shipped catalogue whose stations behave as {@code realism} says. */
    public PieceGenerator(long seed, CorruptionRates rates, SensorMix sensors, SensorRealism realism) {
        this(GradeCatalogue.get(), seed, rates, sensors, realism);
    }

    /** A generator over {@code catalogue}. */
    public PieceGenerator(GradeCatalogue catalogue, long seed, CorruptionRates rates, SensorMix sensors, SensorRealism realism) {
        this.catalogue = catalogue;
        this.grades = catalogue.grades();
        this.neighbours = new GradeNeighbours(catalogue);
        this.rates = rates;
        this.sensors = sensors;
        this.realism = realism;
        this.random = new SplittableRandom(seed);
    }

    /** A piece of a grade chosen uniformly from the catalogue. */
    public LabelledPiece next() {
        return next(grades.get(random.nextInt(grades.size())).code());
    }

    /** A piece of {@code gradeCode}, measured by a sensor drawn from the mix. */
    public LabelledPiece next(String gradeCode) {
        Grade grade = grade(gradeCode);
        return next(grade, sensors.pick(grade.material(), random.nextDouble()));
    }

    /** A piece of {@code gradeCode} measured by {@code sensor}. */
    public LabelledPiece next(String gradeCode, Sensor sensor) {
        return next(grade(gradeCode), sensor);
    }

    private LabelledPiece next(Grade grade, Sensor sensor) {
        Corruption corruption = rates.pick(random.nextDouble());
        PieceProperties truth = PieceSampler.draw(grade, random);
        if (corruption == Corruption.CONTAMINATED) {
            truth = Contamination.of(grade.material()).applyTo(grade, truth, random);
        }
        String label = grade.code();
        if (corruption == Corruption.MISLABELLED) {
            List<String> near = neighbours.of(grade.code());
            label = near.get(random.nextInt(near.size()));
        }
        Reading.Builder reading = Reading.newBuilder()
                .setEventId("ev-" + new UUID(random.nextLong(), random.nextLong()))
                .setSiteId(SITE)
                .setLotId(LOT)
                .setTimestamp(EPOCH.plusSeconds(count++));
        SensorModel.measure(truth, station(sensor), grade.limits().keySet(), random, reading);
        return new LabelledPiece(reading.build(), grade.code(), label, corruption, truth);
    }

    /** A sensor for a piece of {@code material}, drawn from the mix: the station of a line that reads it. */
    public Sensor sensorFor(Material material) {
        return sensors.pick(material, random.nextDouble());
    }

    /** The grade neighbours a mislabelled piece of {@code gradeCode} may be labelled with. */
    public List<String> neighboursOf(String gradeCode) {
        return neighbours.of(grade(gradeCode).code());
    }

    private Station station(Sensor sensor) {
        Station[] fleet = stations.computeIfAbsent(sensor, s -> {
            Station[] made = new Station[realism.stationsPerSensor()];
            for (int i = 0; i < made.length; i++) {
                made[i] = Station.of(s, i + 1, realism);
            }
            return made;
        });
        return fleet[random.nextInt(fleet.length)];
    }

    private Grade grade(String code) {
        return catalogue.find(code).orElseThrow(() -> new IllegalArgumentException("unknown grade " + code));
    }
}
