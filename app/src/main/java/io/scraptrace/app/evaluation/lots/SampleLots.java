package io.scraptrace.app.evaluation.lots;

import io.scraptrace.avro.Material;
import io.scraptrace.avro.Reading;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.specimens.LabelledPiece;
import io.scraptrace.specimens.LotMass;
import io.scraptrace.specimens.PieceGenerator;
import io.scraptrace.specimens.PieceProperties;
import io.scraptrace.specimens.SensorMix;
import io.scraptrace.specimens.SensorRealism;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lots as plants fill them, from the specimens generator: each lot is one catalogue grade (grades
 * taken in turn, so every grade has as many lots), filled with pieces of it up to a lot mass of its
 * material ({@link LotMass}), every piece read by one station of the line that handles the
 * material (the generator's station mix). Pieces carry the generator's piece-level contamination
 * at the evaluation's rate. With a foreign share, each lot also gets that share (by piece count, at
 * least one) of pieces of one grade of another metal, read by the same line and as heavy as the
 * lot's own pieces.
 */
final class SampleLots {
    private final GradeCatalogue catalogue = GradeCatalogue.get();
    private final PieceGenerator pieces;
    private final SplittableRandom random;
    private final String prefix;

    /**
     * @param seed         seed of the pieces and lot sizes (the evaluation seed: data no model trained on)
     * @param mix          the stations reading each material
     * @param contaminated share of pieces carrying foreign material on them (the generator's contamination)
     * @param prefix       lot id prefix, keeping lot sets apart in one fold
     */
    SampleLots(long seed, SensorMix mix, double contaminated, String prefix) {
        this.pieces = new PieceGenerator(seed, new CorruptionRates(0, contaminated), mix, SensorRealism.REALISTIC);
        this.random = new SplittableRandom(seed);
        this.prefix = prefix;
    }

    /** {@code count} lots, each with {@code foreignShare} (0-1) of its pieces of another material. */
    List<SampleLot> generate(int count, double foreignShare) {
        List<Grade> grades = catalogue.grades();
        List<SampleLot> lots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lots.add(lot(String.format(Locale.ROOT, "L-%s-%05d", prefix, i + 1), grades.get(i % grades.size()), foreignShare));
        }
        return lots;
    }

    private SampleLot lot(String lotId, Grade grade, double foreignShare) {
        double target = LotMass.targetKg(grade.material(), random.nextDouble());
        List<LabelledPiece> lot = new ArrayList<>();
        double kg = 0;
        while (kg < target) {
            LabelledPiece piece = pieces.next(grade.code());
            piece = inLot(piece, lotId, piece.reading().getMassKg());
            lot.add(piece);
            kg += piece.reading().getMassKg();
        }
        double foreignKg = 0;
        if (foreignShare > 0) {
            // Pieces of another metal: copper windings in steel, steel in aluminium, brass-like No.2
            // copper in Zorba, casing steel in black mass. Black mass comes in big bags, not pieces.
            List<Grade> others = catalogue.grades().stream()
                    .filter(g -> g.material() != grade.material() && g.material() != Material.BLACK_MASS).toList();
            Grade foreign = others.get(random.nextInt(others.size()));
            long foreignCount = Math.max(1, Math.round(foreignShare * lot.size()));
            int hostPieces = lot.size();
            for (long k = 0; k < foreignCount; k++) {
                // Piece-sized like the lot's own pieces (a steel fitting in copper, not a 180 kg plate), so a
                // few % of the pieces is a few % of the mass.
                double kgOfHostPiece = lot.get(random.nextInt(hostPieces)).reading().getMassKg();
                LabelledPiece piece = inLot(pieces.next(foreign.code(), pieces.sensorFor(grade.material())), lotId, kgOfHostPiece);
                lot.add(random.nextInt(lot.size() + 1), piece);
                foreignKg += kgOfHostPiece;
            }
        }
        Map<String, Double> bulk = LotCriteria.bulk(lot);
        return new SampleLot(lotId, grade.code(), lot, foreignKg / (kg + foreignKg), bulk, LotCriteria.breach(grade, bulk));
    }

    /** The piece as read in lot {@code lotId}, weighing {@code massKg}. */
    private static LabelledPiece inLot(LabelledPiece piece, String lotId, double massKg) {
        Reading reading = Reading.newBuilder(piece.reading()).setLotId(lotId).setMassKg(massKg).build();
        PieceProperties truth = piece.truth();
        PieceProperties weighed = new PieceProperties(truth.composition(), truth.densityGcc(), truth.magneticFraction(),
                truth.thicknessMm(), truth.moisturePct(), massKg);
        return new LabelledPiece(reading, piece.trueGrade(), piece.label(), piece.corruption(), weighed);
    }
}
