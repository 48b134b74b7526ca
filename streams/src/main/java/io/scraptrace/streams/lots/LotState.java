package io.scraptrace.streams.lots;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.DoubleStream;

/**
 * What is known about one lot from its deduplicated graded readings. Immutable: {@link #add}
 * returns the next state, which keeps the aggregation free of aliasing surprises (the lot tracker
 * hands the state before and after each reading downstream).
 * <p>
 * A reading is folded in for every lot update, so the per-grade sums are arrays over the catalogue's
 * positions ({@link GradeSlots}) copied on add, not maps; the map accessors build maps on demand for
 * the views.
 */
public final class LotState {
    /** Elements whose contained mass a lot keeps: the battery metals its passport reports. */
    public static final List<String> ELEMENTS = List.of("Li", "Ni", "Co");

    private final String lotId;
    private final String siteId;
    /** Graded mass and mass x confidence by grade position; {@code grades} says which positions were graded. */
    private final double[] massKg;
    private final double[] confidenceKg;
    private final long grades;
    /** Codes without a position (outside the catalogue): code -> {mass, mass x confidence}; usually empty. */
    private final Map<String, double[]> others;
    private final long readings;
    private final double confidenceSum;
    private final long firstReadingAt;
    private final long lastReadingAt;
    private final long lastGradedAt;
    private final Set<String> modelVersions;
    /** Contained kg of {@link #ELEMENTS} by index; {@code elements} says which were reported. */
    private final double[] containedKg;
    private final int elements;
    private final LotDigest digest;
    private final String dominantGrade;

    /**
     * A lot from its figures by code, as stored.
     *
     * @param lotId          the lot
     * @param siteId         site of its readings (the first reading's site)
     * @param massKgByGrade  graded mass per grade code, UNCERTAIN included
     * @param readings       number of readings
     * @param confidenceSum  sum of the readings' confidences
     * @param firstReadingAt earliest measurement time, epoch ms
     * @param lastReadingAt  latest measurement time, epoch ms
     * @param lastGradedAt   when the sorter graded the latest reading, epoch ms (drives the status)
     * @param modelVersions  model versions that graded it
     * @param confidenceKgByGrade per grade code, the sum of mass x confidence of the readings graded so
     *                       (what the lot's confidence is made of); same codes as {@code massKgByGrade}
     * @param contained      contained element mass (kg) of {@link #ELEMENTS}: composition wt% x mass, summed
     * @param digest         running digest of its graded records ({@link LotDigest})
     */
    public LotState(String lotId, String siteId, Map<String, Double> massKgByGrade, long readings, double confidenceSum,
                    long firstReadingAt, long lastReadingAt, long lastGradedAt, Set<String> modelVersions,
                    Map<String, Double> confidenceKgByGrade, Map<String, Double> contained, LotDigest digest) {
        double[] masses = new double[GradeSlots.COUNT];
        double[] confident = new double[GradeSlots.COUNT];
        long graded = 0;
        Map<String, double[]> outside = new TreeMap<>();
        for (Map.Entry<String, Double> entry : massKgByGrade.entrySet()) {
            double kg = entry.getValue();
            double confidenceKg = confidenceKgByGrade.getOrDefault(entry.getKey(), 0.0);
            int position = GradeSlots.of(entry.getKey());
            if (position < 0) {
                outside.put(entry.getKey(), new double[] {kg, confidenceKg});
            } else {
                masses[position] = kg;
                confident[position] = confidenceKg;
                graded |= 1L << position;
            }
        }
        double[] metals = new double[ELEMENTS.size()];
        int reported = 0;
        for (int i = 0; i < metals.length; i++) {
            Double kg = contained.get(ELEMENTS.get(i));
            if (kg != null) {
                metals[i] = kg;
                reported |= 1 << i;
            }
        }
        this.lotId = lotId;
        this.siteId = siteId;
        this.massKg = masses;
        this.confidenceKg = confident;
        this.grades = graded;
        this.others = outside.isEmpty() ? Map.of() : Collections.unmodifiableMap(outside);
        this.readings = readings;
        this.confidenceSum = confidenceSum;
        this.firstReadingAt = firstReadingAt;
        this.lastReadingAt = lastReadingAt;
        this.lastGradedAt = lastGradedAt;
        this.modelVersions = Set.copyOf(modelVersions);
        this.containedKg = metals;
        this.elements = reported;
        this.digest = digest;
        this.dominantGrade = dominant();
    }

    private LotState(LotState before, double[] massKg, double[] confidenceKg, long grades, Map<String, double[]> others,
                     double confidence, long measured, long graded, Set<String> modelVersions, double[] containedKg,
                     int elements, LotDigest digest) {
        this.lotId = before.lotId;
        this.siteId = before.siteId;
        this.massKg = massKg;
        this.confidenceKg = confidenceKg;
        this.grades = grades;
        this.others = others;
        this.readings = before.readings + 1;
        this.confidenceSum = before.confidenceSum + confidence;
        this.firstReadingAt = Math.min(before.firstReadingAt, measured);
        this.lastReadingAt = Math.max(before.lastReadingAt, measured);
        this.lastGradedAt = Math.max(before.lastGradedAt, graded);
        this.modelVersions = modelVersions;
        this.containedKg = containedKg;
        this.elements = elements;
        this.digest = digest;
        this.dominantGrade = dominant();
    }

    /** The state of a lot after its first reading. */
    public static LotState of(GradedReading reading) {
        long measured = reading.getTimestamp().toEpochMilli();
        return new LotState(reading.getLotId(), reading.getSiteId(), Map.of(), 0, 0.0, measured, measured, 0, Set.of(),
                Map.of(), Map.of(), LotDigest.initial()).add(reading);
    }

    /** The state after one more reading. */
    public LotState add(GradedReading reading) {
        double mass = reading.getMassKg();
        double confidence = reading.getConfidence();
        String grade = reading.getGrade();
        double[] masses = massKg;
        double[] confident = confidenceKg;
        long graded = grades;
        Map<String, double[]> outside = others;
        int position = GradeSlots.of(grade);
        if (position >= 0) {
            masses = massKg.clone();
            confident = confidenceKg.clone();
            masses[position] += mass;
            confident[position] += mass * confidence;
            graded |= 1L << position;
        } else {
            TreeMap<String, double[]> more = new TreeMap<>();
            others.forEach((code, sums) -> more.put(code, sums.clone()));
            double[] sums = more.computeIfAbsent(grade, code -> new double[2]);
            sums[0] += mass;
            sums[1] += mass * confidence;
            outside = Collections.unmodifiableMap(more);
        }
        double[] metals = containedKg;
        int reported = elements;
        Map<String, Double> composition = reading.getComposition();
        for (int i = 0; i < ELEMENTS.size(); i++) {
            Double pct = composition.get(ELEMENTS.get(i));
            if (pct != null && pct > 0) {
                if (metals == containedKg) {
                    metals = containedKg.clone();
                }
                metals[i] += pct / 100.0 * mass;
                reported |= 1 << i;
            }
        }
        Set<String> versions = modelVersions;
        if (!versions.contains(reading.getModelVersion())) {
            Set<String> more = new HashSet<>(versions);
            more.add(reading.getModelVersion());
            versions = Set.copyOf(more);
        }
        return new LotState(this, masses, confident, graded, outside, confidence, reading.getTimestamp().toEpochMilli(),
                reading.getGradedAt().toEpochMilli(), versions, metals, reported, digest.next(reading));
    }

    /** The lot. */
    public String lotId() {
        return lotId;
    }

    /** Site of its readings (the first reading's site). */
    public String siteId() {
        return siteId;
    }

    /** Graded mass per grade code, UNCERTAIN included. */
    public Map<String, Double> massKgByGrade() {
        return byGrade(massKg, 0);
    }

    /**
     * Per grade code, the sum of mass x confidence of the readings graded so (what the lot's
     * confidence is made of).
     */
    public Map<String, Double> confidenceKgByGrade() {
        return byGrade(confidenceKg, 1);
    }

    /** Number of readings. */
    public long readings() {
        return readings;
    }

    /** Sum of the readings' confidences. */
    public double confidenceSum() {
        return confidenceSum;
    }

    /** Earliest measurement time, epoch ms. */
    public long firstReadingAt() {
        return firstReadingAt;
    }

    /** Latest measurement time, epoch ms. */
    public long lastReadingAt() {
        return lastReadingAt;
    }

    /** When the sorter graded the latest reading, epoch ms (drives the status). */
    public long lastGradedAt() {
        return lastGradedAt;
    }

    /** Model versions that graded it. */
    public Set<String> modelVersions() {
        return modelVersions;
    }

    /** Contained element mass (kg) of the {@link #ELEMENTS} its readings reported: composition wt% x mass, summed. */
    public Map<String, Double> contained() {
        Map<String, Double> contained = new HashMap<>();
        for (int i = 0; i < containedKg.length; i++) {
            if ((elements & 1 << i) != 0) {
                contained.put(ELEMENTS.get(i), containedKg[i]);
            }
        }
        return Map.copyOf(contained);
    }

    /** Running digest of its graded records ({@link LotDigest}). */
    public LotDigest digest() {
        return digest;
    }

    /** Total graded mass. */
    public double massKg() {
        DoubleStream.Builder masses = DoubleStream.builder();
        forEachGrade(massKg, 0, (code, kg) -> masses.add(kg));
        return masses.build().sum();
    }

    /** Mean confidence of its readings, each reading counting once whatever its mass. */
    public double meanConfidence() {
        return readings == 0 ? 0.0 : confidenceSum / readings;
    }

    /**
     * The lot's confidence in its dominant grade: the mass graded as that grade weighted by each
     * reading's confidence, over the lot's whole mass. A lot is only as sure as its readings are and
     * only as pure as its mass is: UNCERTAIN or other-grade mass lowers it, a heavy confident reading
     * counts more than a light one.
     */
    public double confidence() {
        double mass = massKg();
        return mass <= 0 ? 0.0 : figure(confidenceKg, 1, dominantGrade) / mass;
    }

    /** Share of the lot's mass graded UNCERTAIN (0-1). */
    public double uncertainMassShare() {
        double mass = massKg();
        return mass <= 0 ? 0.0 : figure(massKg, 0, Grade.UNCERTAIN) / mass;
    }

    /** Contained mass of {@code element} (kg); 0 when no reading reported it. */
    public double containedKg(String element) {
        int i = ELEMENTS.indexOf(element);
        return i < 0 ? 0.0 : containedKg[i];
    }

    /** The grade with the most mass, as {@link #dominantGrade(Map)} defines it. */
    public String dominantGrade() {
        return dominantGrade;
    }

    /**
     * The grade with the most mass in {@code massKgByGrade}; UNCERTAIN only when nothing else was
     * graded, because an unsure model must not outvote what it did recognise. The one definition of a
     * lot's (or a set of lots') grade: views and alert rules must agree on it.
     */
    public static String dominantGrade(Map<String, Double> massKgByGrade) {
        Optional<String> certain = massKgByGrade.entrySet().stream()
                .filter(e -> !Grade.UNCERTAIN.equals(e.getKey()))
                .max(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
        return certain.orElse(Grade.UNCERTAIN);
    }

    /** Material of the dominant grade (UNKNOWN when the lot is all UNCERTAIN). */
    public Material material() {
        return GradeCatalogue.get().materialOf(dominantGrade);
    }

    /** {@link #dominantGrade(Map)} over the arrays, without building the map. */
    private String dominant() {
        String best = null;
        double bestKg = 0;
        for (int position = 0; position < GradeSlots.COUNT; position++) {
            if (position != GradeSlots.UNCERTAIN && (grades & 1L << position) != 0) {
                String code = GradeSlots.code(position);
                if (best == null || heavier(massKg[position], code, bestKg, best)) {
                    best = code;
                    bestKg = massKg[position];
                }
            }
        }
        for (Map.Entry<String, double[]> other : others.entrySet()) {
            if (!Grade.UNCERTAIN.equals(other.getKey()) && (best == null || heavier(other.getValue()[0], other.getKey(), bestKg, best))) {
                best = other.getKey();
                bestKg = other.getValue()[0];
            }
        }
        return best == null ? Grade.UNCERTAIN : best;
    }

    /** More mass wins; equal mass goes to the alphabetically first code so every instance renders the same answer. */
    private static boolean heavier(double kg, String code, double bestKg, String best) {
        int byMass = Double.compare(kg, bestKg);
        return byMass > 0 || byMass == 0 && code.compareTo(best) < 0;
    }

    private interface GradeFigure {
        void accept(String code, double figure);
    }

    /** Each graded code's figure: positions in catalogue order, then codes without one by code. */
    private void forEachGrade(double[] positions, int otherIndex, GradeFigure action) {
        for (int position = 0; position < GradeSlots.COUNT; position++) {
            if ((grades & 1L << position) != 0) {
                action.accept(GradeSlots.code(position), positions[position]);
            }
        }
        others.forEach((code, sums) -> action.accept(code, sums[otherIndex]));
    }

    private Map<String, Double> byGrade(double[] positions, int otherIndex) {
        Map<String, Double> figures = new HashMap<>();
        forEachGrade(positions, otherIndex, figures::put);
        return Map.copyOf(figures);
    }

    private double figure(double[] positions, int otherIndex, String code) {
        int position = GradeSlots.of(code);
        if (position >= 0) {
            return positions[position];
        }
        double[] sums = others.get(code);
        return sums == null ? 0.0 : sums[otherIndex];
    }

    /**
     * Writes mass ({@code weighted} false) or mass x confidence by grade code in the layout of
     * {@link io.scraptrace.streams.serde.BinarySerde#writeFigures}, straight from the arrays: the lots
     * store writes a lot on every reading.
     */
    void writeByGrade(DataOutput out, boolean weighted) throws IOException {
        double[] positions = weighted ? confidenceKg : massKg;
        out.writeInt(Long.bitCount(grades) + others.size());
        for (int position = 0; position < GradeSlots.COUNT; position++) {
            if ((grades & 1L << position) != 0) {
                out.writeUTF(GradeSlots.code(position));
                out.writeDouble(positions[position]);
            }
        }
        for (Map.Entry<String, double[]> other : others.entrySet()) {
            out.writeUTF(other.getKey());
            out.writeDouble(other.getValue()[weighted ? 1 : 0]);
        }
    }

    /** Writes the contained metals in the same layout. */
    void writeContained(DataOutput out) throws IOException {
        out.writeInt(Integer.bitCount(elements));
        for (int i = 0; i < containedKg.length; i++) {
            if ((elements & 1 << i) != 0) {
                out.writeUTF(ELEMENTS.get(i));
                out.writeDouble(containedKg[i]);
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof LotState lot)) {
            return false;
        }
        return lotId.equals(lot.lotId) && siteId.equals(lot.siteId) && readings == lot.readings
                && Double.compare(confidenceSum, lot.confidenceSum) == 0 && firstReadingAt == lot.firstReadingAt
                && lastReadingAt == lot.lastReadingAt && lastGradedAt == lot.lastGradedAt
                && modelVersions.equals(lot.modelVersions) && massKgByGrade().equals(lot.massKgByGrade())
                && confidenceKgByGrade().equals(lot.confidenceKgByGrade()) && contained().equals(lot.contained())
                && digest.equals(lot.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lotId, siteId, readings, digest);
    }

    @Override
    public String toString() {
        return "LotState[lotId=" + lotId + ", siteId=" + siteId + ", massKgByGrade=" + massKgByGrade() + ", readings=" + readings
                + ", confidenceSum=" + confidenceSum + ", firstReadingAt=" + firstReadingAt + ", lastReadingAt=" + lastReadingAt
                + ", lastGradedAt=" + lastGradedAt + ", modelVersions=" + modelVersions + ", confidenceKgByGrade="
                + confidenceKgByGrade() + ", contained=" + contained() + ", digest=" + digest + "]";
    }
}
