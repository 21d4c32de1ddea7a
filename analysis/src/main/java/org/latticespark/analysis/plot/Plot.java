package org.latticespark.analysis.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;

/**
 * One finished chart, made by {@link Plots}. Rendering needs no display ({@code java.awt.headless}).
 *
 * <p>Output is deterministic: the same input gives the same PNG bytes and the same SVG text on one machine
 * (fonts come from the system, so other machines may differ). The SVG is plain SVG 1.1 text without
 * timestamps; text is drawn as outlines (no fonts needed to view it), and clip-path ids are renumbered in
 * order of appearance. Its DOCTYPE names the SVG 1.1 DTD, so parsers that fetch external DTDs should be told
 * not to.
 *
 * <p>Each call renders anew. Instances are safe to share between threads (rendering is serialised).
 */
public final class Plot {
    private final XYChart chart;
    private final String title;

    Plot(XYChart chart, String title) {
        this.chart = chart;
        this.title = title;
    }

    /** PNG image of 800 × 500 pixels. */
    public synchronized byte[] png() {
        return encode("png");
    }

    /** SVG document (UTF-8 XML) of the same chart, in an 800 × 500 viewport. */
    public synchronized byte[] svg() {
        String svg = new String(encode("svg"), StandardCharsets.UTF_8);
        return SvgIds.renumber(svg).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code <path>.png} and {@code <path>.svg}, creating missing parent directories and replacing
     * existing files. Both images are rendered and written to hidden temporary files in the same folder first,
     * then renamed into place (atomically where the file system supports it), PNG first; readers never see a
     * partly written image. If anything fails the temporary files are deleted and a target that was not yet
     * renamed keeps its old content (a failure on the SVG rename leaves the new PNG next to the old SVG).
     *
     * @param pathWithoutExtension for example {@code out/plaquette-history}
     */
    public void write(Path pathWithoutExtension) throws IOException {
        if (pathWithoutExtension == null || pathWithoutExtension.getFileName() == null) {
            throw new IllegalArgumentException("pathWithoutExtension must name a file, got " + pathWithoutExtension);
        }
        Path parent = pathWithoutExtension.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String name = pathWithoutExtension.getFileName().toString();
        byte[] png = png();
        byte[] svg = svg();
        Path pngTemp = null;
        Path svgTemp = null;
        try {
            pngTemp = writeTemp(pathWithoutExtension, name + ".png", png);
            svgTemp = writeTemp(pathWithoutExtension, name + ".svg", svg);
            moveIntoPlace(pngTemp, pathWithoutExtension.resolveSibling(name + ".png"));
            pngTemp = null;
            moveIntoPlace(svgTemp, pathWithoutExtension.resolveSibling(name + ".svg"));
            svgTemp = null;
        } finally {
            deleteQuietly(pngTemp);
            deleteQuietly(svgTemp);
        }
    }

    /**
     * A new file next to the target, hidden by its leading dot. Not Files.createTempFile: that would give the
     * plot owner-only permissions instead of the usual ones for new files.
     */
    private static Path writeTemp(Path sibling, String targetName, byte[] content) throws IOException {
        while (true) {
            Path temp = sibling.resolveSibling("." + targetName + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return temp;
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException | RuntimeException e) {
                deleteQuietly(temp);
                throw e;
            }
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // The write has already failed; its exception is the one to report.
        }
    }

    private byte[] encode(String format) {
        try {
            return ChartEncoder.getBytes(chart, format);
        } catch (IOException e) {
            throw new UncheckedIOException(format + " encoding of plot '" + title + "' failed", e);
        }
    }

    /** For tests in this package: the chart as built, before rendering. */
    XYChart chart() {
        return chart;
    }

    /** The title given to the factory method (possibly empty). */
    public String title() {
        return title;
    }
}
