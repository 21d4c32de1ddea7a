package org.latticespark.analysis.plot;

/** One curve y(x) with the given axis labels, e.g. a loss against training steps. */
final class LinePlot {
    private LinePlot() {
    }

    static Plot of(String title, String xLabel, String yLabel, double[] x, double[] y) {
        Check.text(title, "title");
        Check.text(xLabel, "xLabel");
        Check.text(yLabel, "yLabel");
        if (x == null || y == null || x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("x and y must have the same length, at least 2");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || (i > 0 && !(x[i] > x[i - 1]))) {
                throw new IllegalArgumentException("x must be finite and strictly increasing, x[" + i + "] = " + x[i]);
            }
        }
        Figure figure = new Figure(title, xLabel, yLabel);
        double[][] thinned = Decimation.minMax(x, y, Decimation.BUCKETS);
        figure.line(null, thinned[0], thinned[1], Style.cycle(0), Style.THIN);
        Bounds ys = new Bounds();
        ys.include(y);
        return figure.xRange(AxisRange.exact(x[0], x[x.length - 1])).yRange(ys.linear()).plot();
    }
}
