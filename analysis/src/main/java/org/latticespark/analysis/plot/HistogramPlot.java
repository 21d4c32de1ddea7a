package org.latticespark.analysis.plot;

/** Histogram of counts in equal-width bins. */
final class HistogramPlot {
    /** More bins than pixels show nothing more. */
    static final int MAX_BINS = 10_000;

    private HistogramPlot() {
    }

    static Plot of(String title, String xLabel, double[] values, int bins) {
        Check.text(title, "title");
        Check.text(xLabel, "xLabel");
        Check.finite(values, "values", 2);
        if (bins > MAX_BINS) {
            throw new IllegalArgumentException("bins = " + bins + " is more than " + MAX_BINS);
        }
        int count = bins > 0 ? bins : HistogramBins.freedmanDiaconis(values);
        HistogramBins histogram = HistogramBins.of(values, count);
        double[] edges = histogram.edges();
        long[] counts = histogram.counts();

        double[] outlineX = new double[2 * count + 2];
        double[] outlineY = new double[2 * count + 2];
        double[] zeros = new double[2 * count + 2];
        long highest = 0;
        for (int i = 0; i < count; i++) {
            outlineX[2 * i + 1] = edges[i];
            outlineY[2 * i + 1] = counts[i];
            outlineX[2 * i + 2] = edges[i + 1];
            outlineY[2 * i + 2] = counts[i];
            highest = Math.max(highest, counts[i]);
        }
        outlineX[0] = edges[0];
        outlineX[2 * count + 1] = edges[count];

        Figure figure = new Figure(title, xLabel, "count");
        figure.band(null, outlineX, zeros, outlineY, Style.BAR_FILL, Style.DATA);
        figure.line(null, outlineX, outlineY, Style.DATA, Style.THIN);
        if (count > 1) {
            double[][] separators = separators(edges, counts);
            figure.line(null, separators[0], separators[1], Style.DATA, Style.THIN);
        }
        return figure.xRange(new Bounds().include(edges[0]).include(edges[count]).linear())
                .yRange(AxisRange.exact(0, 1.05 * highest))
                .plot();
    }

    /** Vertical lines between neighbouring bars, up to the lower of the two (the outline draws the rest). */
    private static double[][] separators(double[] edges, long[] counts) {
        int n = counts.length - 1;
        double[] x = new double[3 * n];
        double[] y = new double[3 * n];
        for (int i = 1; i <= n; i++) {
            int k = 3 * (i - 1);
            x[k] = edges[i];
            y[k] = 0;
            x[k + 1] = edges[i];
            y[k + 1] = Math.min(counts[i - 1], counts[i]);
            x[k + 2] = Double.NaN;
            y[k + 2] = Double.NaN;
        }
        return new double[][] {x, y};
    }
}
