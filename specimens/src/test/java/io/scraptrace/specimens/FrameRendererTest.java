package io.scraptrace.specimens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Frame;
import io.scraptrace.avro.Sensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FrameRendererTest {
    private final FrameRenderer renderer = new FrameRenderer();

    @Test
    void framesDecodeAsSmallRgbImages() throws IOException {
        BufferedImage image = decode(renderer.renderPng("FE_HS", 12.0, false, 1));
        assertEquals(FrameRenderer.SIZE, image.getWidth());
        assertEquals(FrameRenderer.SIZE, image.getHeight());
    }

    @Test
    void sameSeedGivesSameBytesAndAnotherSeedAnotherImage() {
        byte[] first = renderer.renderPng("CU_NO1", 3.0, false, 7);
        assertArrayEquals(first, renderer.renderPng("CU_NO1", 3.0, false, 7));
        assertFalse(Arrays.equals(first, renderer.renderPng("CU_NO1", 3.0, false, 8)));
    }

    @Test
    void coloursFollowTheMaterial() throws IOException {
        double[] copper = meanColour("CU_NO1", 3.0);
        double[] wrought = meanColour("AL_WROUGHT", 2.5);
        double[] cast = meanColour("AL_CAST", 6.0);
        double[] blackMass = meanColour("BM_NMC", null);
        assertTrue(copper[0] - copper[2] > 30, "copper is orange: red well above blue");
        assertTrue(Math.abs(wrought[0] - wrought[2]) < 15, "aluminium is neutral grey");
        assertTrue(brightness(wrought) > brightness(cast), "wrought is brighter than cast");
        assertTrue(brightness(blackMass) < brightness(cast) / 2, "black mass is dark");
    }

    @Test
    void framesOfPiecesCarryTheReadingsOriginAndRoundTripAsContractJson() {
        LabelledPiece piece = new PieceGenerator(3, CorruptionRates.NONE, SensorMix.only(Sensor.XRF)).next("CU_NO2");
        byte[] png = renderer.renderPng(piece, 11);
        Frame frame = Frames.of("fr-1", piece.reading(), png);
        assertEquals(piece.reading().getLotId(), frame.getLotId());
        assertEquals(Frames.PNG, frame.getContentType());
        ObjectNode json = Frames.toContractJson(frame);
        assertEquals("fr-1", json.get("eventId").asText());
        assertEquals(piece.reading().getTimestamp().toString(), json.get("timestamp").asText());
        assertArrayEquals(png, Base64.getDecoder().decode(json.get("imageBase64").asText()));
    }

    /** Mean RGB over 20 renders (different seeds) of the image centre, where the piece lies. */
    private double[] meanColour(String grade, Double thickness) throws IOException {
        double[] sum = new double[3];
        int count = 0;
        for (long seed = 0; seed < 20; seed++) {
            BufferedImage image = decode(renderer.renderPng(grade, thickness, false, seed));
            for (int y = 26; y < 38; y++) {
                for (int x = 26; x < 38; x++) {
                    int rgb = image.getRGB(x, y);
                    sum[0] += (rgb >> 16) & 0xff;
                    sum[1] += (rgb >> 8) & 0xff;
                    sum[2] += rgb & 0xff;
                    count++;
                }
            }
        }
        return new double[] {sum[0] / count, sum[1] / count, sum[2] / count};
    }

    private static double brightness(double[] rgb) {
        return (rgb[0] + rgb[1] + rgb[2]) / 3;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "PNG decodes");
        return image;
    }
}
