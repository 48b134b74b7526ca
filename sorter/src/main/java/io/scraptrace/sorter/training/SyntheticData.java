package io.scraptrace.sorter.training;

import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.specimens.FrameRenderer;
import io.scraptrace.specimens.LabelledPiece;
import io.scraptrace.specimens.PieceGenerator;
import io.scraptrace.specimens.SensorMix;
import io.scraptrace.specimens.SensorRealism;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Labelled training data from the specimens generator: readings of pieces drawn from the grade catalogue
 * (with sensor noise, contamination and mislabelling) and camera frames of the same pieces.
 *
 * @param pieces  generated pieces, in order
 * @param source  description for the model card
 */
public record SyntheticData(List<LabelledPiece> pieces, String source) {
    /** Default share of mislabelled pieces: plants' hand labels are not perfect. */
    public static final double DEFAULT_MISLABELLED = 0.02;
    /** Default share of contaminated pieces. */
    public static final double DEFAULT_CONTAMINATED = 0.03;

    /**
     * {@code count} pieces from a generator seeded with {@code seed}.
     *
     * @param allStations true for every station type (as a plant line has), false for composition analysers only
     */
    public static SyntheticData generate(int count, long seed, boolean allStations, CorruptionRates rates) {
        return generate(count, seed, allStations ? SensorMix.ALL_STATIONS : SensorMix.ANALYSERS,
                allStations ? "all" : "analyser", rates, SensorRealism.REALISTIC);
    }

    /**
     * {@code count} pieces measured by stations of {@code mix} that behave as {@code realism} says.
     *
     * @param mixName names the mix in the description
     */
    public static SyntheticData generate(int count, long seed, SensorMix mix, String mixName, CorruptionRates rates,
                                         SensorRealism realism) {
        PieceGenerator generator = new PieceGenerator(seed, rates, mix, realism);
        List<LabelledPiece> pieces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pieces.add(generator.next());
        }
        String source = String.format(Locale.ROOT,
                "synthetic: specimens PieceGenerator, seed %d, %d pieces, %s stations, %.1f%% mislabelled, %.1f%% contaminated",
                seed, count, mixName, rates.mislabelled() * 100, rates.contaminated() * 100);
        return new SyntheticData(List.copyOf(pieces), source);
    }

    /** The readings with the labels a plant would have given them. */
    public LabelledReadings readings() {
        return new LabelledReadings(pieces.stream().map(LabelledPiece::reading).toList(),
                pieces.stream().map(LabelledPiece::label).toList(), source);
    }

    /** The readings with the grade each piece really was: what an evaluation scores against. */
    public LabelledReadings truth() {
        return new LabelledReadings(pieces.stream().map(LabelledPiece::reading).toList(),
                pieces.stream().map(LabelledPiece::trueGrade).toList(), source + ", true grades");
    }

    /** A camera frame of each piece as it really looks, with the piece's label. */
    public LabelledImages frames(long seed) {
        FrameRenderer renderer = new FrameRenderer();
        List<byte[]> images = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            images.add(renderer.renderPng(pieces.get(i), seed + i));
        }
        return new LabelledImages(images, pieces.stream().map(LabelledPiece::label).toList(),
                source + ", FrameRenderer frames (seed " + seed + ")");
    }
}
