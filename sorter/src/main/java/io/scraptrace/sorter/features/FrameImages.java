package io.scraptrace.sorter.features;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Decodes a camera frame (PNG or JPEG) into the camera model's input: RGB, resized to
 * {@value #SIZE}x{@value #SIZE}, channels first, values in [0, 1]. A frame that does not decode is
 * unscorable.
 */
public final class FrameImages {
    /** Side of the square the camera model sees. */
    public static final int SIZE = 32;
    /** Values per decoded frame (3 x SIZE x SIZE). */
    public static final int VALUES = 3 * SIZE * SIZE;

    private FrameImages() {
    }

    /** Decode {@code image} into {@code out[offset .. offset + VALUES)}. */
    public static void decode(byte[] image, float[] out, int offset) throws UnscorableException {
        BufferedImage decoded;
        try {
            decoded = image == null || image.length == 0 ? null : ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException | RuntimeException e) {
            throw new UnscorableException("image", "frame does not decode: " + e.getMessage());
        }
        if (decoded == null) {
            throw new UnscorableException("image", "frame is not a PNG or JPEG image");
        }
        BufferedImage scaled = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(decoded, 0, 0, SIZE, SIZE, null);
        } finally {
            g.dispose();
        }
        int plane = SIZE * SIZE;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = scaled.getRGB(x, y);
                int p = offset + y * SIZE + x;
                out[p] = ((rgb >> 16) & 0xFF) / 255f;
                out[p + plane] = ((rgb >> 8) & 0xFF) / 255f;
                out[p + 2 * plane] = (rgb & 0xFF) / 255f;
            }
        }
    }
}
