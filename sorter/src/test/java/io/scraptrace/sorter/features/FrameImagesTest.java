package io.scraptrace.sorter.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FrameImagesTest {
    @Test
    void decodesAndResizesToChannelsFirstUnitRange() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(255, 0, 51));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);

        float[] out = new float[FrameImages.VALUES];
        FrameImages.decode(png.toByteArray(), out, 0);
        int plane = FrameImages.SIZE * FrameImages.SIZE;
        assertEquals(1f, out[0], 1e-6);
        assertEquals(0f, out[plane + 5], 1e-6);
        assertEquals(51 / 255f, out[2 * plane + plane - 1], 1e-6);
    }

    @Test
    void corruptBytesAreUnscorable() {
        byte[] corrupt = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
        assertThrows(UnscorableException.class, () -> FrameImages.decode(corrupt, new float[FrameImages.VALUES], 0));
        assertThrows(UnscorableException.class, () -> FrameImages.decode(new byte[0], new float[FrameImages.VALUES], 0));
    }
}
