package org.latticespark.spark.analyze.report;

import java.io.Serializable;

/** One plot as PNG and SVG bytes, made on an executor. The arrays are not copied. */
public record RenderedPlot(PlotKind kind, byte[] png, byte[] svg) implements Serializable {}
