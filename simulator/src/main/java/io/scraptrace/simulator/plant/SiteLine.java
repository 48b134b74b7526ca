package io.scraptrace.simulator.plant;

import io.scraptrace.avro.Frame;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.Reading;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.specimens.FrameRenderer;
import io.scraptrace.specimens.Frames;
import io.scraptrace.specimens.LabelledPiece;
import io.scraptrace.specimens.LotMass;
import io.scraptrace.specimens.PieceGenerator;
import io.scraptrace.specimens.SensorMix;
import io.scraptrace.specimens.SensorRealism;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The sorting line of one site: fills lots one after the other with readings of pieces of the
 * lot's grade (a few of a neighbouring grade of the same material, as real lots are never pure),
 * some of them with a camera frame.
 */
final class SiteLine {
    private static final double OFF_GRADE_SHARE = 0.1;
    /** Plants send readings; labels stay in the plant, so only contamination matters here. */
    private static final CorruptionRates PLANT_CORRUPTION = new CorruptionRates(0, 0.03);

    private final PlantSite site;
    private final String siteCode;
    private final String runTag;
    private final double frameRate;
    private final GradeCatalogue catalogue;
    private final PieceGenerator pieces;
    private final FrameRenderer renderer;
    private final SplittableRandom random;
    private Lot open;
    private int lotSequence;
    private long readingSequence;

    SiteLine(PlantSite site, long seed, String runTag, double frameRate, GradeCatalogue catalogue, FrameRenderer renderer) {
        this.site = site;
        this.siteCode = site.siteId().startsWith("S-") ? site.siteId().substring(2) : site.siteId();
        this.runTag = runTag;
        this.frameRate = frameRate;
        this.catalogue = catalogue;
        this.random = new SplittableRandom(seed);
        this.pieces = new PieceGenerator(catalogue, random.nextLong(), PLANT_CORRUPTION, SensorMix.ANALYSERS, SensorRealism.REALISTIC);
        this.renderer = renderer;
    }

    PlantSite site() {
        return site;
    }

    /** The next reading of this line, measured at {@code now}; opens a new lot when the last one is full. */
    EmittedReading next(Instant now) {
        if (open == null || open.closed) {
            open = openLot();
        }
        Lot lot = open;
        LabelledPiece piece = pieces.next(pieceGrade(lot));
        String id = String.format(Locale.ROOT, "%s-%s-%06d", runTag, siteCode, ++readingSequence);
        Frame frame = null;
        Reading.Builder reading = Reading.newBuilder(piece.reading())
                .setEventId("ev-" + id)
                .setSiteId(site.siteId())
                .setLotId(lot.lotId)
                .setTimestamp(now);
        if (random.nextDouble() < frameRate) {
            frame = Frames.of("fr-" + id, reading.build(), renderer.renderPng(piece, random.nextLong()));
            reading.setFrameId(frame.getEventId());
        }
        Reading built = reading.build();
        lot.generatedKg += built.getMassKg();
        lot.pendingReadings++;
        lot.closed = lot.generatedKg >= lot.targetKg;
        return new EmittedReading(built, lot, frame);
    }

    private Lot openLot() {
        String grade = pickGrade();
        Material material = catalogue.materialOf(grade);
        double target = LotMass.targetKg(material, random.nextDouble());
        String lotId = String.format(Locale.ROOT, "L-%s-%s-%04d", runTag, siteCode, ++lotSequence);
        return new Lot(lotId, site.siteId(), grade, material, target);
    }

    private String pickGrade() {
        double total = site.gradeMix().values().stream().mapToDouble(Double::doubleValue).sum();
        double u = random.nextDouble() * total;
        // Sorted so the pick does not depend on the map's iteration order.
        List<String> codes = site.gradeMix().keySet().stream().sorted().toList();
        for (String code : codes) {
            u -= site.gradeMix().get(code);
            if (u < 0) {
                return code;
            }
        }
        return codes.get(codes.size() - 1);
    }

    private String pieceGrade(Lot lot) {
        if (random.nextDouble() >= OFF_GRADE_SHARE) {
            return lot.grade;
        }
        List<String> sameMaterial = pieces.neighboursOf(lot.grade).stream()
                .filter(code -> catalogue.materialOf(code) == lot.material)
                .toList();
        return sameMaterial.isEmpty() ? lot.grade : sameMaterial.get(random.nextInt(sameMaterial.size()));
    }
}
