package org.latticespark.analysis.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * existing files.
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
        Files.write(pathWithoutExtension.resolveSibling(name + ".png"), png());
        Files.write(pathWithoutExtension.resolveSibling(name + ".svg"), svg());
    }

    private byte[] encode(String format) {
        try {
            return ChartEncoder.getBytes(chart, format);
        } catch (IOException e) {
            throw new UncheckedIOException(format + " encoding of plot '" + title + "' failed", e);
        }
    }

    /** The title given to the factory method (possibly empty). */
    public String title() {
        return title;
    }
}
