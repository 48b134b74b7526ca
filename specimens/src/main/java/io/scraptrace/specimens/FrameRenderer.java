package io.scraptrace.specimens;

import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Renders a small synthetic camera image of a piece on a conveyor belt as PNG: colour and texture
 * by grade (rusty or bright steel, silver wrought vs dull cast aluminium, orange vs tarnished
 * copper, dark black-mass powder with a chemistry tint), edge width by thickness, contaminant
 * specks, plus random rotation, lighting and sensor noise. Deterministic for a seed; needs no
 * display (headless AWT).
 */
public final class FrameRenderer {
    /** Width and height of rendered frames in pixels. */
    public static final int SIZE = 64;

    private static final Color BELT = new Color(48, 50, 54);

    private final GradeCatalogue catalogue;

    /** A renderer over the shipped catalogue. */
    public FrameRenderer() {
        this(GradeCatalogue.get());
    }

    /** A renderer over {@code catalogue}. */
    public FrameRenderer(GradeCatalogue catalogue) {
        System.setProperty("java.awt.headless", "true");
        this.catalogue = catalogue;
    }

    /** A frame of the piece as it really is (its true grade, thickness and contamination). */
    public byte[] renderPng(LabelledPiece piece, long seed) {
        return renderPng(piece.trueGrade(), piece.truth().thicknessMm(), piece.corruption() == Corruption.CONTAMINATED, seed);
    }

    /**
     * A frame of a piece of {@code gradeCode}.
     *
     * @param thicknessMm  wall thickness (wider bright edges for thicker plate), null for powders
     * @param contaminated whether to draw contaminant specks
     */
    public byte[] renderPng(String gradeCode, Double thicknessMm, boolean contaminated, long seed) {
        Grade grade = catalogue.find(gradeCode).orElseThrow(() -> new IllegalArgumentException("unknown grade " + gradeCode));
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BELT);
            g.fillRect(0, 0, SIZE, SIZE);
            Surface surface = Surface.of(grade);
            if (grade.material() == Material.BLACK_MASS) {
                drawPowder(g, surface, random);
            } else {
                drawPiece(g, surface, thicknessMm, random);
            }
            if (contaminated) {
                drawSpecks(g, Surface.contaminant(grade.material()), random);
            }
        } finally {
            g.dispose();
        }
        applyLightingAndNoise(image, random);
        return png(image);
    }

    private static void drawPiece(Graphics2D g, Surface surface, Double thicknessMm, SplittableRandom random) {
        AffineTransform saved = g.getTransform();
        g.rotate(random.nextDouble(2 * Math.PI), SIZE / 2.0, SIZE / 2.0);
        Polygon outline = irregularOutline(random, surface.fragmented() ? 7 : 5);
        g.setColor(surface.base());
        g.fillPolygon(outline);
        for (int i = 0; i < surface.blotches(); i++) {
            g.setColor(random.nextBoolean() ? surface.accent() : surface.base().darker());
            int r = 2 + random.nextInt(6);
            g.fillOval(12 + random.nextInt(SIZE - 24), 12 + random.nextInt(SIZE - 24), r, r);
        }
        // Thick plate shows a wide bright cut edge; sheet only a thin line.
        float edge = thicknessMm == null ? 1f : (float) Math.max(1, Math.min(6, thicknessMm / 4));
        g.setStroke(new BasicStroke(edge));
        g.setColor(surface.base().brighter());
        g.drawPolygon(outline);
        g.setTransform(saved);
    }

    private static Polygon irregularOutline(SplittableRandom random, int corners) {
        Polygon polygon = new Polygon();
        for (int i = 0; i < corners; i++) {
            double angle = 2 * Math.PI * i / corners + random.nextDouble(-0.3, 0.3);
            double radius = SIZE * random.nextDouble(0.25, 0.42);
            polygon.addPoint((int) Math.round(SIZE / 2.0 + radius * Math.cos(angle)),
                    (int) Math.round(SIZE / 2.0 + radius * Math.sin(angle)));
        }
        return polygon;
    }

    private static void drawPowder(Graphics2D g, Surface surface, SplittableRandom random) {
        g.setColor(surface.base());
        int margin = 4 + random.nextInt(6);
        g.fillOval(margin, margin, SIZE - 2 * margin, SIZE - 2 * margin);
        for (int i = 0; i < surface.blotches(); i++) {
            g.setColor(surface.accent());
            g.fillRect(margin + random.nextInt(SIZE - 2 * margin), margin + random.nextInt(SIZE - 2 * margin), 1, 1);
        }
    }

    private static void drawSpecks(Graphics2D g, Color colour, SplittableRandom random) {
        g.setColor(colour);
        int specks = 3 + random.nextInt(5);
        for (int i = 0; i < specks; i++) {
            int x = 16 + random.nextInt(SIZE - 32);
            int y = 16 + random.nextInt(SIZE - 32);
            g.drawLine(x, y, x + random.nextInt(-6, 7), y + random.nextInt(-6, 7));
        }
    }

    /** A linear lighting gradient in a random direction, an overall exposure and per-pixel noise. */
    private static void applyLightingAndNoise(BufferedImage image, SplittableRandom random) {
        double exposure = random.nextDouble(0.8, 1.2);
        double gx = random.nextDouble(-0.004, 0.004);
        double gy = random.nextDouble(-0.004, 0.004);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double light = exposure * (1 + gx * (x - SIZE / 2.0) + gy * (y - SIZE / 2.0));
                int rgb = image.getRGB(x, y);
                double noise = 6 * random.nextGaussian();
                int r = channel(((rgb >> 16) & 0xff) * light + noise);
                int gr = channel(((rgb >> 8) & 0xff) * light + noise);
                int b = channel((rgb & 0xff) * light + noise);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
    }

    private static int channel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return out.toByteArray();
    }
}
