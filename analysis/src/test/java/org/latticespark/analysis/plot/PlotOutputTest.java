package org.latticespark.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class PlotOutputTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void pngIsAnImageOfTheStatedSize() throws IOException {
        for (Map.Entry<String, Plot> e : SamplePlots.all().entrySet()) {
            byte[] png = e.getValue().png();
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8), e.getKey());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, e.getKey());
            assertEquals(800, image.getWidth(), e.getKey());
            assertEquals(500, image.getHeight(), e.getKey());
        }
    }

    @Test
    void svgIsXmlWithAnSvgRoot() throws Exception {
        for (Map.Entry<String, Plot> e : SamplePlots.all().entrySet()) {
            Element root = parse(e.getValue().svg()).getDocumentElement();
            assertEquals("svg", root.getLocalName(), e.getKey());
            assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI(), e.getKey());
            assertEquals("0 0 800 500", root.getAttribute("viewBox"), e.getKey());
        }
    }

    @Test
    void sameInputGivesIdenticalBytes() {
        Map<String, Plot> first = SamplePlots.all();
        Map<String, Plot> second = SamplePlots.all();
        for (String name : first.keySet()) {
            assertArrayEquals(first.get(name).png(), second.get(name).png(), name + " png");
            assertArrayEquals(first.get(name).svg(), second.get(name).svg(), name + " svg");
        }
    }

    @Test
    void laterChangesToTheInputDoNotChangeThePlot() {
        double[] x = {0, 1, 2};
        double[] y = {1, 2, 3};
        double[] dy = {0.1, 0.1, 0.1};
        double[][] replicas = {{1, 2, 3}};
        Plot fit = Plots.fit("t", "x", "y", x, y, dy, t -> t, null, 0, 2);
        Plot history = Plots.history("t", "y", replicas);
        byte[] fitBefore = fit.png();
        byte[] historyBefore = history.png();
        y[1] = 10;
        replicas[0][1] = 10;
        assertArrayEquals(fitBefore, fit.png());
        assertArrayEquals(historyBefore, history.png());
    }

    @Test
    void writeCreatesPngAndSvgInMissingDirectories(@TempDir Path dir) throws IOException {
        Plot plot = SamplePlots.all().get("fit");
        Path base = dir.resolve("a/b/fit");
        plot.write(base);
        assertArrayEquals(plot.png(), Files.readAllBytes(dir.resolve("a/b/fit.png")));
        assertArrayEquals(plot.svg(), Files.readAllBytes(dir.resolve("a/b/fit.svg")));
        plot.write(base);
        assertEquals(2, Files.list(dir.resolve("a/b")).count());
    }

    @Test
    void writeRejectsAPathWithoutFileName() {
        Plot plot = SamplePlots.all().get("fit");
        assertThrows(IllegalArgumentException.class, () -> plot.write(null));
        assertThrows(IllegalArgumentException.class, () -> plot.write(Path.of("/")));
    }

    @Test
    void titleIsKept() {
        assertEquals("Fit", SamplePlots.all().get("fit").title());
        assertEquals("", Plots.histogram("", "x", new double[] {1, 2}, 0).title());
    }

    /** Each replica of the history shows up in its own colour. */
    @Test
    void replicasHaveDistinctColours() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(SamplePlots.all().get("history").png()));
        for (int r = 0; r < 3; r++) {
            int rgb = Style.cycle(r).getRGB() & 0xffffff;
            assertTrue(countPixels(image, rgb) > 50, "replica " + r + " colour " + Integer.toHexString(rgb));
        }
    }

    private static long countPixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return count;
    }

    static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The DOCTYPE names the SVG 1.1 DTD on w3.org; tests run offline.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(svg));
    }
}
