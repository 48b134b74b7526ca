package io.scraptrace.streams.bench;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Sensor;
import io.scraptrace.avro.Site;
import io.scraptrace.avro.SiteType;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.grades.Range;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Graded readings shaped like the sorter's output (catalogue grades with their typical
 * compositions, a share UNCERTAIN) for the streams benchmark, spread over sites and lots.
 */
public final class SyntheticGraded {
    private static final double UNCERTAIN_SHARE = 0.05;

    private final Random random;
    private final List<Grade> grades = GradeCatalogue.get().grades();
    private final List<Site> sites = new ArrayList<>();
    private final int lots;
    private final Instant start;

    /**
     * @param seed  random seed
     * @param sites number of registered sites
     * @param lots  number of lots readings are spread over
     * @param start measurement time of the first reading
     */
    public SyntheticGraded(long seed, int sites, int lots, Instant start) {
        this.random = new Random(seed);
        this.lots = lots;
        this.start = start;
        for (int i = 0; i < sites; i++) {
            this.sites.add(Site.newBuilder().setSiteId(String.format("BS-%03d", i)).setName("Bench site " + i)
                    .setRegion(String.format("JP-%02d", 1 + i % 47)).setType(SiteType.YARD).setLicensed(true).build());
        }
    }

    /** The sites the readings come from. */
    public List<Site> sites() {
        return sites;
    }

    /** Reading number {@code i}: one per 100 ms of measurement time. */
    public GradedReading reading(long i) {
        int lot = random.nextInt(lots);
        return reading(i, "BL-" + lot, sites.get(lot % sites.size()));
    }

    /** Reading number {@code i}, of lot {@code lotId} at {@code site}. */
    public GradedReading reading(long i, String lotId, Site site) {
        Grade grade = grades.get(random.nextInt(grades.size()));
        boolean uncertain = random.nextDouble() < UNCERTAIN_SHARE;
        String code = uncertain ? Grade.UNCERTAIN : grade.code();
        Map<String, Double> composition = new HashMap<>();
        grade.composition().forEach((element, range) -> composition.put(element, within(range)));
        Instant measured = start.plusMillis(100 * i);
        double confidence = uncertain ? 0.3 + 0.2 * random.nextDouble() : 0.6 + 0.4 * random.nextDouble();
        return GradedReading.newBuilder()
                .setEventId("bench-" + i).setSiteId(site.getSiteId()).setStationId("ST-1").setLotId(lotId)
                .setTimestamp(measured).setSensor(Sensor.XRF).setMassKg(5 + random.nextInt(500))
                .setComposition(composition).setGrade(code).setMaterial(grade.material())
                .setHighGrade(!uncertain && grade.highGrade()).setConfidence(confidence)
                .setProbabilities(Map.of(grade.code(), confidence)).setModelVersion("bench")
                .setGradedAt(measured.plusMillis(50)).build();
    }

    private double within(Range range) {
        return range.min() + (range.max() - range.min()) * random.nextDouble();
    }
}
