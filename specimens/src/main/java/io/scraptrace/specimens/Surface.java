package io.scraptrace.specimens;

import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import java.awt.Color;

/**
 * How a grade looks to a camera: base colour, accent (rust, patina, chemistry tint), how many
 * accent blotches or grains, and whether pieces are torn fragments (shredded) or plates.
 *
 * @param base       main colour
 * @param accent     colour of blotches or grains
 * @param blotches   number of accent marks
 * @param fragmented whether the outline is a ragged shred
 */
record Surface(Color base, Color accent, int blotches, boolean fragmented) {
    private static final Color RUST = new Color(139, 78, 42);

    static Surface of(Grade grade) {
        return switch (grade.code()) {
            case "FE_NEW_CUT" -> new Surface(new Color(172, 174, 180), new Color(150, 152, 158), 2, false);
            case "FE_HS", "FE_H1" -> new Surface(new Color(96, 92, 90), RUST, 10, false);
            case "FE_H2" -> new Surface(new Color(110, 100, 92), RUST, 14, false);
            case "FE_H3_H4" -> new Surface(new Color(150, 148, 140), RUST, 8, false);
            case "FE_SHRED_A" -> new Surface(new Color(105, 98, 94), RUST, 12, true);
            case "FE_SHRED_B" -> new Surface(new Color(105, 95, 88), new Color(184, 100, 52), 12, true);
            case "AL_WROUGHT" -> new Surface(new Color(206, 209, 214), new Color(230, 232, 236), 3, false);
            case "AL_CAST" -> new Surface(new Color(150, 150, 144), new Color(120, 120, 116), 16, false);
            case "CU_NO1" -> new Surface(new Color(204, 112, 60), new Color(230, 150, 90), 3, false);
            case "CU_NO2" -> new Surface(new Color(122, 80, 50), new Color(84, 122, 92), 12, false);
            case "MIXED_NF" -> new Surface(new Color(170, 170, 168), new Color(190, 150, 70), 20, true);
            case "BM_NMC" -> new Surface(new Color(30, 32, 34), new Color(50, 70, 72), 120, false);
            case "BM_LCO" -> new Surface(new Color(28, 30, 38), new Color(45, 55, 95), 120, false);
            case "BM_LFP" -> new Surface(new Color(40, 42, 40), new Color(70, 80, 64), 120, false);
            case "BM_OFFSPEC" -> new Surface(new Color(38, 36, 34), new Color(190, 170, 150), 160, false);
            default -> byMaterial(grade.material());
        };
    }

    /** Colour of the typical contaminant of a material (copper wire in steel, steel in aluminium, ...). */
    static Color contaminant(Material material) {
        return switch (material) {
            case FERROUS -> new Color(200, 105, 55);
            case ALUMINIUM, MIXED_METAL -> new Color(80, 78, 76);
            case COPPER -> new Color(200, 170, 80);
            default -> new Color(215, 218, 222);
        };
    }

    /** Catalogue grades added later still render, by their material. */
    private static Surface byMaterial(Material material) {
        return switch (material) {
            case FERROUS -> new Surface(new Color(100, 96, 92), RUST, 10, false);
            case ALUMINIUM -> new Surface(new Color(180, 182, 186), new Color(150, 150, 150), 8, false);
            case COPPER -> new Surface(new Color(170, 100, 60), new Color(120, 80, 50), 8, false);
            case BLACK_MASS -> new Surface(new Color(32, 32, 34), new Color(60, 60, 60), 120, false);
            default -> new Surface(new Color(150, 150, 150), new Color(120, 120, 120), 10, true);
        };
    }
}
